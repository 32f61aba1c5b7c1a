-- Case-study search that fits the language (issue 20).
-- French and English: accents do not count ("ecole" and "renovation" find "école", "rénovation"):
-- copies of the french and english configurations that pass each word through unaccent (V4) before
-- the stemmer. Mongolian: PostgreSQL has no stemmer, so a small rule-based one strips case endings,
-- plurals and reflexive possessives from Cyrillic words (mn_stem); the index holds the stems of every
-- Cyrillic word of a study, and the query is stemmed by the same function, so "сургууль" finds
-- "сургуулийн" and "сургуульд". Measured in docs/benchmarks.md ("Case-study search").
CREATE TEXT SEARCH CONFIGURATION case_study_english (COPY = english);
ALTER TEXT SEARCH CONFIGURATION case_study_english ALTER MAPPING FOR asciihword, asciiword, hword, hword_part, hword_asciipart, word
    WITH unaccent, english_stem;
CREATE TEXT SEARCH CONFIGURATION case_study_french (COPY = french);
ALTER TEXT SEARCH CONFIGURATION case_study_french ALTER MAPPING FOR asciihword, asciiword, hword, hword_part, hword_asciipart, word
    WITH unaccent, french_stem;
CREATE TEXT SEARCH CONFIGURATION case_study_simple (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION case_study_simple ALTER MAPPING FOR asciihword, asciiword, hword, hword_part, hword_asciipart, word
    WITH unaccent, simple;

-- unaccent() itself is only STABLE (it looks its dictionary up by name); pinned to its schema's
-- dictionary it is immutable, for expressions that an index or a generated column may hold.
CREATE FUNCTION case_study_unaccent(t text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT unaccent('unaccent'::regdictionary, t)
$$;

-- The stem of one lower-case Mongolian word: endings stripped from the end, longest first, again
-- and again while two letters remain (three before a one-letter ending, so that хот and хог stay
-- apart), with a short vowel or soft sign left at the end dropped in between, so that the base form
-- and its inflections meet ("сургууль", "сургуулийн", "сургуульд" -> "сургуул";
-- "хэмнэлт", "хэмнэлтийн" -> "хэмнл"; "ус", "усны", "усанд" -> "ус"; "хот", "хотын", "хотод" -> "хот").
-- A stem is a key, not a word: both sides of a search go through it.
CREATE FUNCTION mn_stem(word text) RETURNS text LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
    -- every ending, longest first: reflexive possessives after a case (-аасаа, -даа), plurals (-ууд,
    -- -нууд), comitative (-тай), ablative (-аас), instrumental (-аар), directive (-руу), genitive (-ийн,
    -- -ы, -н), accusative (-ийг, -г), dative-locative (-д, -т, -од)
    endings text[] := ARRAY[
        'тайгаа', 'тэйгээ', 'тойгоо', 'аасаа', 'ээсээ', 'оосоо', 'өөсөө', 'аараа', 'ээрээ', 'оороо', 'өөрөө',
        'нууд', 'нүүд', 'чууд', 'чүүд', 'наас', 'нээс', 'ноос', 'нөөс', 'гаар', 'гээр', 'гоор', 'гөөр', 'гийн',
        'даа', 'дээ', 'доо', 'дөө', 'таа', 'тээ', 'тоо', 'төө', 'гаа', 'гээ', 'гоо', 'гөө', 'иуд', 'иүд', 'ууд', 'үүд',
        'тай', 'тэй', 'той', 'аас', 'ээс', 'оос', 'өөс', 'иас', 'иос', 'аар', 'ээр', 'оор', 'өөр', 'иар', 'иор',
        'руу', 'рүү', 'луу', 'лүү', 'ийн', 'ний', 'ийг',
        'ын', 'ны', 'ыг', 'нд', 'ад', 'эд', 'од', 'өд', 'ид', 'иа',
        'ы', 'н', 'г', 'д', 'т'];
    stem text := word;
    ending text;
    stripped boolean := true;
BEGIN
    WHILE stripped LOOP
        stripped := false;
        FOREACH ending IN ARRAY endings LOOP
            IF length(stem) - length(ending) >= 2 + (length(ending) = 1)::int AND right(stem, length(ending)) = ending
                    -- г joins an ending to a long vowel or a diphthong only (гэрээг; хогийн is хог + ийн)
                    AND (left(ending, 1) <> 'г' OR left(stem, length(stem) - length(ending)) ~ '[аэоөуүиый][аэоөуүиый]$') THEN
                stem := left(stem, length(stem) - length(ending));
                stripped := true;
                EXIT;
            END IF;
        END LOOP;
        -- a short vowel or a soft sign left at the end joined an ending (уса-нд, оюута-н, сургууль-д)
        IF NOT stripped AND length(stem) > 2 AND stem ~ '[^аэоөуүиыяеёюй][аэоөуүиыьй]$' THEN
            stem := left(stem, length(stem) - 1);
            stripped := true;
        END IF;
    END LOOP;
    -- the short vowel of a last syllable falls out before an ending (эрчим, эрчмийн; төсөл, төслийн):
    -- left out of every stem, so that both forms meet
    IF length(stem) > 3 AND stem ~ '[^аэоөуүиыяеёюй][аэоөуүи][^аэоөуүиыяеёюйь]$' THEN
        stem := left(stem, length(stem) - 2) || right(stem, 1);
    END IF;
    RETURN stem;
END
$$;

-- The text with each Cyrillic word replaced by its stem and everything else kept as it was, so that a
-- query's operators (quotes, "or", "-") survive. Lower case first: the simple dictionary lowers only
-- what the database's locale knows.
CREATE FUNCTION mn_stem_words(t text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT coalesce(string_agg(CASE WHEN m[1] ~ '^[а-яёөү]+$' THEN mn_stem(m[1]) ELSE m[1] END, '' ORDER BY n), '')
    FROM regexp_matches(lower(t), '[а-яёөү]+|[^а-яёөү]+', 'g') WITH ORDINALITY AS s(m, n)
$$;

-- A study's words in its own language (accents ignored for French and English), plus the stems of
-- its Cyrillic words whatever language it was filed under.
CREATE OR REPLACE FUNCTION case_study_regconfig(language varchar) RETURNS regconfig LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE language
        WHEN 'en' THEN 'case_study_english'::regconfig WHEN 'fr' THEN 'case_study_french'::regconfig WHEN 'de' THEN 'german'::regconfig
        WHEN 'nl' THEN 'dutch'::regconfig WHEN 'it' THEN 'italian'::regconfig WHEN 'es' THEN 'spanish'::regconfig
        WHEN 'pt' THEN 'portuguese'::regconfig WHEN 'ru' THEN 'russian'::regconfig
        ELSE 'case_study_simple'::regconfig END
$$;

CREATE FUNCTION case_study_vector(language varchar, t text) RETURNS tsvector LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT to_tsvector(case_study_regconfig(language), t)
        || CASE WHEN t ~* '[а-яёөү]' THEN to_tsvector('case_study_simple'::regconfig, mn_stem_words(t)) ELSE ''::tsvector END
$$;

-- What a search for q means: the words in the study's language, or the words (accents ignored,
-- Cyrillic words stemmed) as keywords and Mongolian.
CREATE FUNCTION case_study_query(language varchar, q text) RETURNS tsquery LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT websearch_to_tsquery(case_study_regconfig(language), q)
        || websearch_to_tsquery('case_study_simple'::regconfig, mn_stem_words(q))
$$;

DROP INDEX case_studies_search_idx;
ALTER TABLE case_studies DROP COLUMN search;
ALTER TABLE case_studies ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(case_study_vector(language, title), 'A')
    || setweight(case_study_vector(language, summary), 'B')
    || setweight(case_study_vector(language, body), 'C')
    || setweight(to_tsvector('case_study_simple'::regconfig, mn_stem_words(keywords)), 'A')) STORED;
CREATE INDEX case_studies_search_idx ON case_studies USING gin (search);
