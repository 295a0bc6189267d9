-- Deferrals the scheduler made (issue 17): one row per scheduled job and due time, so a
-- deferral retried after an error, or made by a second scheduler, queues nothing twice. The
-- row commits in the same transaction that claims it, after the job is queued; job_id is NULL
-- when the due time was served by a job already queued (a crawl's queueing lock).
CREATE TABLE scheduled_deferrals (
    job_name     text        NOT NULL,
    due_at       timestamptz NOT NULL,
    job_id       bigint,
    deferred_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (job_name, due_at)
);
-- Old rows are pruned by age.
CREATE INDEX scheduled_deferrals_deferred_at ON scheduled_deferrals (deferred_at);
