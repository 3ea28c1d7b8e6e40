from crispy_forms.layout import Column, Row


def row_of(*names, width=6):
    """Fields side by side on wide screens, `12 // width` to a row; stacked on narrow ones."""
    return Row(*[Column(name, css_class=f"col-md-{width}") for name in names])
