SELECT a.id, a.type, a.title, a.status, a.signed_on, a.ends_on, a.verified_at, a.source, a.source_attribution,
  (SELECT string_agg(t.theme_code, ';' ORDER BY t.theme_code) FROM agreement_themes t WHERE t.agreement_id = a.id) AS themes,
  ma.id, ma.name, ma.country_code, ma.latitude, ma.longitude,
  mb.id, mb.name, mb.country_code, mb.latitude, mb.longitude,
  array_to_string(a.party_key[3:], ';') AS others, a.updated_at
FROM agreements a
JOIN municipalities ma ON ma.id = a.party_key[1]
JOIN municipalities mb ON mb.id = a.party_key[2]
WHERE TRUE ORDER BY a.id
