"""Sortable tables say which column they are sorted by (aria-sort), and only that one."""

import re

import pytest
from django.urls import reverse


def _headers(page):
    return {
        re.sub(r"<[^>]+>", "", inner).strip(): attrs
        for attrs, inner in re.findall(r"<th(\s[^>]*)?>(.*?)</th>", page, re.S)
    }


@pytest.mark.parametrize(
    ("sort", "column", "order"),
    [("name", "Namn", "ascending"), ("-name", "Namn", "descending"), ("phase", "Fas", "ascending")],
)
def test_the_sorted_column_of_the_registry_list_has_aria_sort(
    client_for, olga, ecosystem_a, sort, column, order
):
    page = client_for(olga).get(f"{reverse('ecosystem_list')}?sort={sort}").text
    headers = _headers(page)
    assert f'aria-sort="{order}"' in headers[column]
    assert sum("aria-sort" in attrs for attrs in headers.values()) == 1
