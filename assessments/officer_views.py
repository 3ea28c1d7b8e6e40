from django.contrib.auth.decorators import login_required
from django.http import HttpResponse


@login_required
def round_list(request):
    return HttpResponse(status=501)


@login_required
def submission_officer(request, pk):
    return HttpResponse(status=501)
