-- The review queue is ordered by a documented priority, not by the score alone: calibrated
-- scores leave many adverts close together, and analysts want first the adverts with more
-- distinct evidence, in riskier networks, seen recently.
--
--   priority = calibrated score                                  (0..1)
--            + 0.05 x distinct risk indicators, at most 6        (0..0.30)
--            + 0.15 x risk of its riskiest cluster of 2+ adverts  (0..0.15)
--            + 0.10 x recency, halving every 7 days since first seen (0..0.10)
ALTER TABLE adverts ADD COLUMN risk_indicators smallint NOT NULL DEFAULT 0;

UPDATE adverts a SET risk_indicators = latest.n
FROM (
    SELECT DISTINCT ON (s.advert_id) s.advert_id,
           (SELECT count(DISTINCT h ->> 'indicator_id') FROM jsonb_array_elements(s.indicator_hits) h
            WHERE h ->> 'polarity' = 'risk') AS n
    FROM scores s
    ORDER BY s.advert_id, s.scored_at DESC, s.id DESC
) latest
WHERE latest.advert_id = a.id;

CREATE FUNCTION review_priority(
    score double precision, risk_indicators integer, network_risk double precision,
    first_seen timestamptz
) RETURNS double precision LANGUAGE sql STABLE AS $$
    SELECT coalesce(score, 0)
         + 0.05 * least(greatest(coalesce(risk_indicators, 0), 0), 6)
         + 0.15 * coalesce(network_risk, 0)
         + 0.10 * power(0.5, greatest(extract(epoch FROM now() - first_seen), 0) / 604800.0)
$$;
