from datetime import date

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django_tables2 import RequestConfig

from agreements.overview import overviews
from ekosystem import landing, permissions, resume, sessions
from ekosystem.criteria import cluster_of_sweden_checklist
from ekosystem.filters import EcosystemFilter
from ekosystem.forms import BoardMemberFormSet, EcosystemForm
from ekosystem.history import change_log
from ekosystem.models import Ecosystem
from ekosystem.queries import with_list_columns
from ekosystem.services import EditConflict, save_ecosystem
from ekosystem.tables import EcosystemTable


@login_required
def home(request):
    """Each role lands where its work is: a leader on their own ecosystem(s), an officer on the
    dashboard, a board member on the registry."""
    user = request.user
    if user.is_leader:
        own = list(permissions.visible_ecosystems(user))
        if len(own) == 1:
            return redirect(own[0])
        return render(request, "home.html", {"own_ecosystems": own})
    if permissions.can_see_dashboard(user):
        return redirect("dashboard")
    if permissions.can_browse_registry(user):
        return redirect("ecosystem_list")
    return render(request, "home.html", {"own_ecosystems": []})


@login_required
@require_safe
def dashboard(request):
    """The officer's landing page: what needs attention now, each item a link to act on it."""
    permissions.require(permissions.can_see_dashboard(request.user))
    today = timezone.localdate()
    return render(
        request,
        "dashboard.html",
        {"sections": landing.dashboard(request.user, today), "today": today},
    )


@login_required
def ecosystem_list(request):
    permissions.require(permissions.can_browse_registry(request.user))
    ecosystems = with_list_columns(permissions.visible_ecosystems(request.user))
    ecosystem_filter = EcosystemFilter(request.GET, queryset=ecosystems)
    table = EcosystemTable(ecosystem_filter.qs, order_by="name")
    RequestConfig(request, paginate={"per_page": 25}).configure(table)
    return render(
        request,
        "ecosystems/list.html",
        {
            "filter": ecosystem_filter,
            "table": table,
            "can_create": permissions.can_create_ecosystem(request.user),
        },
    )


@login_required
def ecosystem_detail(request, pk):
    ecosystem = permissions.get_ecosystem_for_user(request.user, pk)
    board = list(ecosystem.board_members.all())
    return render(
        request,
        "ecosystems/detail.html",
        {
            "ecosystem": ecosystem,
            "checklist": cluster_of_sweden_checklist(ecosystem),
            "board": board,
            "board_trained": sum(member.trained for member in board),
            "specialisations": ecosystem.specialisations.order_by("rank"),
            "can_edit": permissions.can_edit_ecosystem(request.user, ecosystem),
            "agreements": overviews(ecosystem.agreements.all(), timezone.localdate()),
            "can_add_agreement": permissions.can_manage_agreements(request.user),
            # submission_start sends each role to its own view of a submission.
            "submissions": ecosystem.submissions.select_related("round", "questionnaire").order_by(
                "-round__year", "-round__deadline", "questionnaire__code"
            ),
            "notices": landing.notices(request.user, ecosystem),
            "links": landing.links(request.user, ecosystem),
        },
    )


def _edit(request, ecosystem):
    is_new = ecosystem.pk is None
    data = resume.form_data(request)
    form = EcosystemForm(data, instance=ecosystem, user=request.user)
    board_formset = BoardMemberFormSet(data, instance=ecosystem, prefix="board")
    if request.method == "POST" and form.is_valid() and board_formset.is_valid():
        try:
            ecosystem = save_ecosystem(form=form, board_formset=board_formset)
        except EditConflict as conflict:
            form.add_error(None, str(conflict))
        else:
            messages.success(
                request,
                _("Ekosystemet %(name)s är sparat.") % {"name": ecosystem.name},
            )
            return redirect(ecosystem)
    return render(
        request,
        "ecosystems/form.html",
        {"form": form, "board_formset": board_formset, "ecosystem": ecosystem, "is_new": is_new},
    )


@resume.login_required_keeping_post
@require_http_methods(["GET", "POST"])
def ecosystem_create(request):
    permissions.require(permissions.can_create_ecosystem(request.user))
    return _edit(request, Ecosystem())


@resume.login_required_keeping_post
@require_http_methods(["GET", "POST"])
def ecosystem_update(request, pk):
    return _edit(request, permissions.get_ecosystem_for_user(request.user, pk, for_edit=True))


@login_required
def ecosystem_history(request, pk):
    ecosystem = permissions.get_ecosystem_for_user(request.user, pk)
    return render(
        request,
        "ecosystems/history.html",
        {"ecosystem": ecosystem, "entries": change_log(ecosystem)},
    )


@require_POST
def keepalive(request):
    """Extends the session now ("Fortsätt arbeta"); 401 once it has already run out."""
    if not request.user.is_authenticated:
        return JsonResponse({"error": _("Sessionen har tagit slut.")}, status=401)
    sessions.refresh(request.session)
    return JsonResponse({"expires_in": sessions.remaining_after_request()})


# Dates the accessibility statement gives: when it was written, and when it was last reviewed
# against the service (update on every review; the law asks for at least a yearly one).
STATEMENT_WRITTEN = date(2026, 12, 3)
STATEMENT_UPDATED = date(2026, 12, 3)


def accessibility_statement(request):
    """Tillgänglighetsredogörelse (lagen 2018:1937): public, linked from every page's footer."""
    return render(
        request,
        "accessibility.html",
        {
            "contact_email": settings.ACCESSIBILITY_CONTACT_EMAIL,
            "written": STATEMENT_WRITTEN,
            "updated": STATEMENT_UPDATED,
        },
    )
