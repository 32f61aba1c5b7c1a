-- Case studies ("best practices") that cities share. Staff approve before publication; the text is
-- searchable in its own language (Mongolian and languages PostgreSQL has no stemmer for: 'simple').
CREATE FUNCTION case_study_regconfig(language varchar) RETURNS regconfig LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE language
        WHEN 'en' THEN 'english'::regconfig WHEN 'fr' THEN 'french'::regconfig WHEN 'de' THEN 'german'::regconfig
        WHEN 'nl' THEN 'dutch'::regconfig WHEN 'it' THEN 'italian'::regconfig WHEN 'es' THEN 'spanish'::regconfig
        WHEN 'pt' THEN 'portuguese'::regconfig WHEN 'ru' THEN 'russian'::regconfig
        ELSE 'simple'::regconfig END
$$;

CREATE TABLE case_studies (
    id                     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title                  varchar(300)  NOT NULL,
    summary                varchar(1000) NOT NULL,
    body                   text          NOT NULL,
    language               varchar(3)    NOT NULL,
    status                 varchar(20)   NOT NULL DEFAULT 'PENDING',
    author_account_id      bigint REFERENCES accounts (id) ON DELETE SET NULL,
    approved_by_account_id bigint REFERENCES accounts (id) ON DELETE SET NULL,
    published_at           timestamptz,
    keywords               text          NOT NULL DEFAULT '',
    version                bigint        NOT NULL DEFAULT 0,
    created_at             timestamptz   NOT NULL DEFAULT now(),
    updated_at             timestamptz   NOT NULL DEFAULT now(),
    search                 tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector(case_study_regconfig(language), title), 'A')
        || setweight(to_tsvector(case_study_regconfig(language), summary), 'B')
        || setweight(to_tsvector(case_study_regconfig(language), body), 'C')
        || setweight(to_tsvector('simple'::regconfig, keywords), 'A')) STORED,
    CONSTRAINT case_studies_title_ck CHECK (btrim(title) <> ''),
    CONSTRAINT case_studies_summary_ck CHECK (btrim(summary) <> ''),
    CONSTRAINT case_studies_body_ck CHECK (length(body) BETWEEN 1 AND 50000),
    CONSTRAINT case_studies_language_ck CHECK (language ~ '^[a-z]{2,3}$'),
    CONSTRAINT case_studies_status_ck CHECK (status IN ('PENDING', 'PUBLISHED', 'REJECTED')),
    CONSTRAINT case_studies_published_ck CHECK ((status = 'PUBLISHED') = (published_at IS NOT NULL))
);
CREATE INDEX case_studies_search_idx ON case_studies USING gin (search);
CREATE INDEX case_studies_status_idx ON case_studies (status, published_at DESC);

CREATE TABLE case_study_themes (
    case_study_id bigint      NOT NULL REFERENCES case_studies (id) ON DELETE CASCADE,
    theme_code    varchar(40) NOT NULL REFERENCES themes (code),
    CONSTRAINT case_study_themes_pk PRIMARY KEY (case_study_id, theme_code)
);
CREATE INDEX case_study_themes_theme_idx ON case_study_themes (theme_code);

CREATE TABLE case_study_municipalities (
    case_study_id   bigint NOT NULL REFERENCES case_studies (id) ON DELETE CASCADE,
    municipality_id bigint NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
    CONSTRAINT case_study_municipalities_pk PRIMARY KEY (case_study_id, municipality_id)
);
CREATE INDEX case_study_municipalities_municipality_idx ON case_study_municipalities (municipality_id);

CREATE TABLE case_study_attachments (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_study_id bigint       NOT NULL REFERENCES case_studies (id) ON DELETE CASCADE,
    file_name     varchar(200) NOT NULL,
    content_type  varchar(40)  NOT NULL,
    size_bytes    integer      NOT NULL,
    data          bytea        NOT NULL,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT case_study_attachments_type_ck CHECK (content_type IN ('application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp')),
    CONSTRAINT case_study_attachments_size_ck CHECK (size_bytes BETWEEN 1 AND 5242880 AND size_bytes = octet_length(data))
);
CREATE INDEX case_study_attachments_case_study_idx ON case_study_attachments (case_study_id);
