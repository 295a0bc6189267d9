-- One running crawl per site, enforced by the database (issue 17, case 4): a launcher that
-- raced another, or an orphaned crawl process, can no longer leave two 'running' runs of one
-- site. Duplicates left by earlier versions are closed first, all but the newest, as
-- interrupted (which is what they were), so the index can be built.
UPDATE crawl_runs r
   SET status = 'interrupted', finished_at = coalesce(r.finished_at, now())
 WHERE r.status = 'running'
   AND EXISTS (SELECT 1 FROM crawl_runs newer
                WHERE newer.site_id = r.site_id AND newer.status = 'running' AND newer.id > r.id);

CREATE UNIQUE INDEX crawl_runs_one_running ON crawl_runs (site_id) WHERE status = 'running';
