// The upload page's progress bar. The form is sent in the background; the import's job
// is polled until it ends, then the page shows the import report. Leaving the page or
// pressing Cancel stops the import. Without this script the form posts the plain way
// and the server answers with the report when it is done.
type JobState = { state: string; stage: string; progress: number };

const FINAL = ["done", "failed", "cancelled"];
const POLL_MS = 400;

function csrfToken(): string {
  return document.querySelector<HTMLMetaElement>("meta[name='csrf-token']")?.content ?? "";
}

export function installUploadProgress(): void {
  const form = document.getElementById("upload-form") as HTMLFormElement | null;
  const box = document.getElementById("upload-progress");
  const bar = document.getElementById("upload-bar") as HTMLProgressElement | null;
  const stage = document.getElementById("upload-stage");
  const cancel = document.getElementById("upload-cancel") as HTMLButtonElement | null;
  if (!form || !box || !bar || !stage || !cancel) return;
  let job = "";
  let ended = false;

  const stop = (keepalive: boolean): void => {
    if (!job || ended) return;
    void fetch(job, { method: "DELETE", keepalive, headers: { "X-CSRF-Token": csrfToken() } });
  };

  async function follow(url: string, page: string): Promise<void> {
    job = url;
    box!.hidden = false;
    cancel!.hidden = false;
    for (;;) {
      const response = await fetch(url, { headers: { Accept: "application/json" } });
      if (!response.ok) break;
      const state = (await response.json()) as JobState;
      bar!.value = state.progress;
      stage!.textContent = state.stage;
      box!.dataset.state = state.state;
      if (FINAL.includes(state.state)) break;
      await new Promise((done) => setTimeout(done, POLL_MS));
    }
    ended = true;
    window.location.assign(page);
  }

  cancel.addEventListener("click", () => {
    cancel.disabled = true;
    stage.textContent = "Cancelling…";
    stop(false);
  });
  window.addEventListener("pagehide", () => stop(true));

  form.addEventListener("submit", async (event) => {
    const submitter = (event as SubmitEvent).submitter;
    if (submitter?.hasAttribute("formaction")) return; // "check and fix" posts the plain way
    event.preventDefault();
    const data = new FormData(form);
    data.set("background", "1");
    box.hidden = false;
    stage.textContent = "Sending the file…";
    bar.removeAttribute("value");
    let response: Response;
    try {
      response = await fetch(form.action, { method: "POST", body: data });
    } catch {
      form.submit();
      return;
    }
    if (response.status !== 202) {
      form.submit(); // refused before it started: the server's page says why
      return;
    }
    const started = (await response.json()) as { job: string; page: string };
    await follow(started.job, started.page);
  });

  if (box.dataset.job && box.dataset.page) void follow(box.dataset.job, box.dataset.page);
}
