from django import template
from django.utils.html import format_html

from ekosystem import onetime

register = template.Library()


@register.simple_tag
def one_time_token():
    """A hidden one-time token for a form whose view is decorated with onetime.create_once."""
    return format_html(
        '<input type="hidden" name="{}" value="{}">', onetime.FIELD, onetime.new_token()
    )
