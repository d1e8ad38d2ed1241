"""A portal's moderation workflow: one "Duyệt tin – <portal>" workflow with one approval task, on the portal's
home page in every language, approved by the given groups. Names are Vietnamese data (editors see them in the
admin's buttons: "Gửi duyệt theo Duyệt tin – …"). Get-or-create: running it again converges."""

from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

WORKFLOW_NAME = "Duyệt tin"
TASK_NAME = "Kiểm duyệt"


def moderation_workflow(label, homes, approvers):
    workflow, _ = Workflow.objects.get_or_create(name=f"{WORKFLOW_NAME} – {label}")
    task = GroupApprovalTask.objects.filter(name=f"{TASK_NAME} – {label}").first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=f"{TASK_NAME} – {label}")
    task.groups.set(approvers)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for home in homes:
        WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})
    return workflow
