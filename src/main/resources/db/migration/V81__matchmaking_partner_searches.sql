-- Partner searches (issue 24): a municipality (through its officers) or an organisation (through its
-- staff) looks for partners for a project idea, perhaps for an instrument's call; officers of other
-- municipalities express interest, the author's side accepts or declines; the accepted form the
-- consortium. Open until the author's side closes it as complete, or until it expires.
CREATE TABLE partner_searches (
    id                bigserial     PRIMARY KEY,
    municipality_id   bigint        REFERENCES municipalities (id) ON DELETE CASCADE,
    organisation_id   bigint        REFERENCES organisations (id) ON DELETE CASCADE,
    author_account_id bigint        REFERENCES accounts (id) ON DELETE SET NULL,
    title             varchar(200)  NOT NULL,
    idea              varchar(4000) NOT NULL,
    instrument_id     bigint        REFERENCES funding_instruments (id) ON DELETE SET NULL,
    call_id           bigint        REFERENCES funding_calls (id) ON DELETE SET NULL,
    partners_needed   integer       NOT NULL,
    working_languages text[]        NOT NULL DEFAULT '{}',
    -- The language the title and idea are written in: the page's language when published.
    content_lang      varchar(3)    NOT NULL DEFAULT 'en',
    expires_at        timestamptz   NOT NULL,
    status            varchar(10)   NOT NULL DEFAULT 'OPEN',
    group_public      boolean       NOT NULL DEFAULT false,
    example           boolean       NOT NULL DEFAULT false,
    version           bigint        NOT NULL DEFAULT 0,
    created_at        timestamptz   NOT NULL DEFAULT now(),
    closed_at         timestamptz,
    CONSTRAINT partner_searches_author_ck CHECK ((municipality_id IS NULL) <> (organisation_id IS NULL)),
    CONSTRAINT partner_searches_title_ck CHECK (btrim(title) <> ''),
    CONSTRAINT partner_searches_idea_ck CHECK (btrim(idea) <> ''),
    CONSTRAINT partner_searches_needed_ck CHECK (partners_needed BETWEEN 1 AND 40),
    CONSTRAINT partner_searches_status_ck CHECK (status IN ('OPEN', 'COMPLETE')),
    CONSTRAINT partner_searches_closed_ck CHECK ((status = 'COMPLETE') = (closed_at IS NOT NULL)),
    CONSTRAINT partner_searches_call_ck CHECK (call_id IS NULL OR instrument_id IS NOT NULL),
    CONSTRAINT partner_searches_languages_ck CHECK (array_to_string(working_languages, ',', '?') ~ '^([a-z]{2,3}(,[a-z]{2,3})*)?$'),
    CONSTRAINT partner_searches_content_lang_ck CHECK (content_lang ~ '^[a-z]{2,3}$'),
    CONSTRAINT partner_searches_version_ck CHECK (version >= 0)
);

CREATE INDEX partner_searches_open_idx ON partner_searches (expires_at) WHERE status = 'OPEN';
CREATE INDEX partner_searches_municipality_idx ON partner_searches (municipality_id);

CREATE TABLE partner_search_themes (
    search_id  bigint      NOT NULL REFERENCES partner_searches (id) ON DELETE CASCADE,
    theme_code varchar(40) NOT NULL REFERENCES themes (code),
    CONSTRAINT partner_search_themes_pk PRIMARY KEY (search_id, theme_code)
);

CREATE TABLE partner_search_groups (
    search_id     bigint      NOT NULL REFERENCES partner_searches (id) ON DELETE CASCADE,
    country_group varchar(24) NOT NULL,
    CONSTRAINT partner_search_groups_pk PRIMARY KEY (search_id, country_group),
    CONSTRAINT partner_search_groups_group_ck CHECK (country_group IN
        ('EU_MEMBER', 'CANDIDATE', 'POTENTIAL_CANDIDATE', 'NEIGHBOURHOOD', 'PARTNER', 'OTHER'))
);

-- One expression of interest per municipality and search, however many of its officers click at once.
CREATE TABLE partner_search_interests (
    id              bigserial     PRIMARY KEY,
    search_id       bigint        NOT NULL REFERENCES partner_searches (id) ON DELETE CASCADE,
    municipality_id bigint        NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
    account_id      bigint        REFERENCES accounts (id) ON DELETE SET NULL,
    message         varchar(2000) NOT NULL,
    status          varchar(10)   NOT NULL DEFAULT 'PENDING',
    created_at      timestamptz   NOT NULL DEFAULT now(),
    decided_at      timestamptz,
    CONSTRAINT partner_search_interests_uk UNIQUE (search_id, municipality_id),
    CONSTRAINT partner_search_interests_message_ck CHECK (btrim(message) <> ''),
    CONSTRAINT partner_search_interests_status_ck CHECK (status IN ('PENDING', 'ACCEPTED', 'DECLINED')),
    CONSTRAINT partner_search_interests_decided_ck CHECK ((status = 'PENDING') = (decided_at IS NULL))
);

CREATE INDEX partner_search_interests_municipality_idx ON partner_search_interests (municipality_id);

-- Public pages show the searches: every change advances the content version (V71), as for every table of content.
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['partner_searches', 'partner_search_themes', 'partner_search_groups', 'partner_search_interests']
    LOOP
        EXECUTE format('CREATE CONSTRAINT TRIGGER a_content_changed AFTER INSERT OR UPDATE OR DELETE ON %I'
                || ' DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION content_changed()', t);
        EXECUTE format('CREATE TRIGGER a_content_truncated AFTER TRUNCATE ON %I'
                || ' FOR EACH STATEMENT EXECUTE FUNCTION content_changed()', t);
    END LOOP;
END
$$;
