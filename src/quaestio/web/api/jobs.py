"""Jobs over the API: poll a long import's progress, or cancel it.

``POST /api/imports`` answers ``202`` with a job when the file is large or its
reading outlasts a short wait; this is where its client follows it. Only the
user who started a job sees it; for anyone else it does not exist (404).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Request
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from quaestio.web.deps import UserDep
from quaestio.web.jobs import JOB_ID, Job, jobs

router = APIRouter(prefix="/api", tags=["jobs"])

JobId = Annotated[str, Path(pattern=JOB_ID, description="the job's id, as its 202 gave it")]


class JobOut(BaseModel):
    id: str
    kind: Literal["import"] = Field(description="what the job does")
    state: Literal["queued", "running", "saving", "done", "failed", "cancelled"]
    stage: str = Field(description="the state in plain words, for a progress line")
    progress: float = Field(ge=0, le=1, description="how far along (by stage), 0 to 1")
    elapsed: float = Field(description="seconds since it was started")
    budget_seconds: float = Field(description="the time the work may take before it is stopped")
    url: str = Field(description="poll this (GET) or cancel it (DELETE)")
    result_url: str | None = Field(None, description="where the result is, once done")
    status: int | None = Field(
        None, description="once ended: the HTTP status the request would have had (201, 422 ...)"
    )
    result: dict[str, Any] | None = Field(
        None, description="once done: the answer the request would have had (an ImportReport)"
    )
    error: dict[str, Any] | None = Field(
        None, description="once failed: the error body's ``error`` ({code, message, field, line})"
    )


def job_out(job: Job) -> JobOut:
    return JobOut(
        id=job.id,
        kind="import",
        state=job.state,  # type: ignore[arg-type]
        stage=job.stage,
        progress=job.progress,
        elapsed=job.elapsed,
        budget_seconds=job.budget_seconds,
        url=f"/api/jobs/{job.id}",
        result_url=job.result_url,
        status=job.status,
        result=job.result,
        error=job.error,
    )


@router.get("/jobs/{job_id}", response_model=JobOut)
def get_job(job_id: JobId, actor: UserDep, request: Request) -> JobOut:
    """A job's state and progress; once done, its result and where to find it."""
    return job_out(jobs(request).get(job_id, actor.user_id))


@router.delete("/jobs/{job_id}", response_model=JobOut)
async def cancel_job(job_id: JobId, actor: UserDep, request: Request) -> JobOut:
    """Stop a job: its process is killed and nothing is saved (a job already saving finishes).

    Gives the job's state once it has stopped, or after five seconds.
    """
    return job_out(await run_in_threadpool(jobs(request).cancel, job_id, actor.user_id))
