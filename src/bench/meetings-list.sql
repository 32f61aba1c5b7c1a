-- What the meeting participants' list runs (issue 23), for pgbench: meetings-bench.sh replaces
-- :event, :me, :mun (the viewer's municipality) and :others (the other participants' municipalities,
-- a bigint[] literal) with the generated forum's values. Left out: the funding instruments the
-- viewer's municipality may use (the funding finder's cached eligibility) and the message lookups.
SELECT e.id, e.slug, e.title, e.kind, e.host_organisation_id, coalesce(o.short_name, o.name) AS host,
       e.starts_on, e.ends_on, e.time_zone, e.venue_name, e.venue_address, e.description, e.demo,
       e.registration_open, e.capacity, e.content_lang, e.translations::text AS translations
FROM events e JOIN organisations o ON o.id = e.host_organisation_id WHERE e.slug = 'bench-meetings';
SELECT event_id, slot_minutes, booking_open, version FROM meeting_programmes WHERE event_id = :event;
SELECT id, account_id, person_name, municipality_id, represents, country_code, offers, seeks, languages, about,
       interpretation, demo, version FROM meeting_profiles WHERE event_id = :event AND account_id = :me;
SELECT id, account_id, person_name, municipality_id, represents, country_code, offers, seeks, languages, about,
       interpretation, demo, version FROM meeting_profiles WHERE event_id = :event ORDER BY id;
SELECT DISTINCT other.municipality_id FROM agreement_parties me
JOIN agreements g ON g.id = me.agreement_id AND g.status <> 'ENDED'
JOIN agreement_parties other ON other.agreement_id = me.agreement_id AND other.municipality_id <> me.municipality_id
WHERE me.municipality_id = :mun AND other.municipality_id = ANY (:others);
WITH a AS (SELECT id, name, country_code, kind, population, working_languages FROM municipalities WHERE id = :mun),
links AS (
    SELECT me.municipality_id AS m, other.municipality_id AS p
    FROM agreement_parties me
    JOIN agreements g ON g.id = me.agreement_id AND g.status <> 'ENDED' AND g.id <> -1
    JOIN agreement_parties other ON other.agreement_id = me.agreement_id AND other.municipality_id <> me.municipality_id
    WHERE me.municipality_id = :mun OR me.municipality_id = ANY (:others)
       OR other.municipality_id = ANY (:others))
SELECT m.id, m.name, m.country_code, m.kind, m.population, m.seeking_partners, c.country_group,
    ARRAY(SELECT o.theme_code FROM municipality_offered_themes o JOIN municipality_sought_themes s
          ON s.theme_code = o.theme_code AND s.municipality_id = a.id JOIN themes t ON t.code = o.theme_code
          WHERE o.municipality_id = m.id ORDER BY t.position) AS offers_sought,
    ARRAY(SELECT s.theme_code FROM municipality_sought_themes s JOIN municipality_offered_themes o
          ON o.theme_code = s.theme_code AND o.municipality_id = a.id JOIN themes t ON t.code = s.theme_code
          WHERE s.municipality_id = m.id ORDER BY t.position) AS seeks_offered,
    ARRAY(SELECT DISTINCT x.theme_code FROM (
              SELECT o.theme_code FROM municipality_offered_themes o JOIN municipality_offered_themes ao
                  ON ao.theme_code = o.theme_code AND ao.municipality_id = a.id WHERE o.municipality_id = m.id
              UNION SELECT s.theme_code FROM municipality_sought_themes s JOIN municipality_sought_themes aso
                  ON aso.theme_code = s.theme_code AND aso.municipality_id = a.id WHERE s.municipality_id = m.id) x
          ORDER BY 1) AS shared,
    ARRAY(SELECT l FROM unnest(m.working_languages) AS l WHERE l = ANY (a.working_languages) ORDER BY 1) AS languages,
    ARRAY(SELECT coalesce(org.short_name, org.name) FROM organisation_members x
          JOIN organisation_members y ON y.organisation_id = x.organisation_id AND y.municipality_id = a.id
          JOIN organisations org ON org.id = x.organisation_id
          WHERE x.municipality_id = m.id ORDER BY 1) AS networks,
    ARRAY(SELECT DISTINCT pm.name FROM links l1 JOIN links l2 ON l2.m = l1.p AND l2.p = m.id
          JOIN municipalities pm ON pm.id = l1.p WHERE l1.m = a.id ORDER BY 1) AS via,
    (SELECT count(DISTINCT l.m) FROM links l JOIN municipalities c2 ON c2.id = l.m
     WHERE l.p = m.id AND c2.country_code = a.country_code AND l.m <> a.id) AS like_a,
    a.name AS a_name, a.population AS a_population, a.kind AS a_kind, a.country_code AS a_country
FROM municipalities m CROSS JOIN a JOIN countries c ON c.code = m.country_code
WHERE m.id = ANY (:others);
SELECT m.id, m.requester_id, rp.person_name, rp.represents, m.invitee_id, ip.person_name, ip.represents,
       m.starts_at, m.ends_at, m.status, m.message, t.number, t.room,
       (rp.interpretation <> 'NONE' OR ip.interpretation <> 'NONE'), m.version
FROM meetings m
JOIN meeting_profiles rp ON rp.event_id = m.event_id AND rp.account_id = m.requester_id
JOIN meeting_profiles ip ON ip.event_id = m.event_id AND ip.account_id = m.invitee_id
LEFT JOIN meeting_tables t ON t.id = m.table_id
WHERE m.event_id = :event AND (m.requester_id = :me OR m.invitee_id = :me) ORDER BY m.starts_at, m.id;
SELECT code FROM themes ORDER BY position, code;
