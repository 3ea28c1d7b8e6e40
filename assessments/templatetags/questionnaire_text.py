from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def break_after_slash(text):
    """Let a line break after each slash: the questionnaires' titles join long words with "/"
    ("Bakgrundsfrågor/klusterorganisationens"), which would otherwise not fit a narrow column."""
    return mark_safe(conditional_escape(text).replace("/", "/<wbr>"))
