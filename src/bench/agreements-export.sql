SELECT a.id::text AS id, a.type, a.title, a.status, to_char(a.signed_on, 'YYYY-MM-DD') AS signed_on,
  to_char(a.ends_on, 'YYYY-MM-DD') AS ends_on,
  CASE WHEN a.verified_at IS NULL THEN 'false' ELSE 'true' END AS verified,
  to_char(a.verified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS verified_at, a.source, a.source_attribution,
  (SELECT string_agg(t.theme_code, ';' ORDER BY t.theme_code) FROM agreement_themes t WHERE t.agreement_id = a.id) AS themes,
  ma.id::text AS party_a_id, ma.name AS party_a_name, ma.country_code AS party_a_country,
  ma.latitude::text AS party_a_latitude, ma.longitude::text AS party_a_longitude,
  mb.id::text AS party_b_id, mb.name AS party_b_name, mb.country_code AS party_b_country,
  mb.latitude::text AS party_b_latitude, mb.longitude::text AS party_b_longitude,
  array_to_string(a.party_key[3:], ';') AS other_party_ids,
  to_char(a.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS updated_at,
  CAST(:base AS text) || '/agreements/' || a.id AS url
FROM agreements a
JOIN municipalities ma ON ma.id = a.party_key[1]
JOIN municipalities mb ON mb.id = a.party_key[2]
WHERE TRUE ORDER BY a.id
