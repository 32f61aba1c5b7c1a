-- What the partners of an agreement did together after signing it (issue 25): visits, projects,
-- events, trainings, technical assistance, each with its dates, themes, participants, the funding
-- that paid for it, its outcome, the case studies that tell about it and documents.
CREATE TABLE agreement_activities (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    agreement_id          bigint        NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
    kind                  varchar(30)   NOT NULL,
    title                 varchar(200)  NOT NULL,
    starts_on             date          NOT NULL,
    ends_on               date,
    participants          integer,
    instrument_id         bigint REFERENCES funding_instruments (id) ON DELETE SET NULL,
    funding_text          varchar(300),
    outcome               varchar(2000),
    -- The language its title and outcome are written in (the page's when it was recorded).
    language              varchar(3)    NOT NULL DEFAULT 'en',
    place_municipality_id bigint REFERENCES municipalities (id) ON DELETE SET NULL,
    demo                  boolean       NOT NULL DEFAULT false,
    created_by_account_id bigint,
    updated_by_account_id bigint,
    version               bigint        NOT NULL DEFAULT 0,
    created_at            timestamptz   NOT NULL DEFAULT now(),
    updated_at            timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT agreement_activities_kind_ck CHECK (kind IN ('EXCHANGE_VISIT', 'JOINT_PROJECT', 'STUDY_VISIT',
        'JOINT_EVENT', 'TRAINING', 'TECHNICAL_ASSISTANCE')),
    CONSTRAINT agreement_activities_language_ck CHECK (language IN ('en', 'mn', 'fr')),
    CONSTRAINT agreement_activities_title_ck CHECK (length(btrim(title)) > 0),
    CONSTRAINT agreement_activities_dates_ck CHECK (ends_on IS NULL OR ends_on >= starts_on),
    CONSTRAINT agreement_activities_participants_ck CHECK (participants IS NULL OR participants BETWEEN 1 AND 100000)
);
CREATE INDEX agreement_activities_agreement_idx ON agreement_activities (agreement_id, starts_on);
-- "Active in the last N years" reads the latest day of each agreement's activities.
CREATE INDEX agreement_activities_last_day_idx ON agreement_activities (agreement_id, (coalesce(ends_on, starts_on)));
CREATE INDEX agreement_activities_created_idx ON agreement_activities (created_at DESC, id DESC);

CREATE TABLE agreement_activity_themes (
    activity_id bigint      NOT NULL REFERENCES agreement_activities (id) ON DELETE CASCADE,
    theme_code  varchar(40) NOT NULL REFERENCES themes (code),
    CONSTRAINT agreement_activity_themes_pk PRIMARY KEY (activity_id, theme_code)
);

CREATE TABLE agreement_activity_case_studies (
    activity_id   bigint NOT NULL REFERENCES agreement_activities (id) ON DELETE CASCADE,
    case_study_id bigint NOT NULL REFERENCES case_studies (id) ON DELETE CASCADE,
    CONSTRAINT agreement_activity_case_studies_pk PRIMARY KEY (activity_id, case_study_id)
);

-- Documents as case-study attachments are kept: PDFs and images, checked by content, at most 5 MB.
CREATE TABLE agreement_activity_documents (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    activity_id  bigint       NOT NULL REFERENCES agreement_activities (id) ON DELETE CASCADE,
    file_name    varchar(200) NOT NULL,
    content_type varchar(40)  NOT NULL,
    size_bytes   integer      NOT NULL,
    data         bytea        NOT NULL,
    created_at   timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT agreement_activity_documents_type_ck CHECK (content_type IN ('application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp')),
    CONSTRAINT agreement_activity_documents_size_ck CHECK (size_bytes BETWEEN 1 AND 5242880 AND size_bytes = octet_length(data))
);
CREATE INDEX agreement_activity_documents_activity_idx ON agreement_activity_documents (activity_id);

-- The yearly check-in: one question per agreement, party and due day, asked once (the unique key
-- makes a second round, or a second instance, ask nothing), answered once.
CREATE TABLE agreement_check_ins (
    id                     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    agreement_id           bigint      NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
    -- The party asked; null for a decision of staff (kept alive from the "dormant?" list).
    municipality_id        bigint      REFERENCES municipalities (id) ON DELETE CASCADE,
    due_on                 date        NOT NULL,
    asked_at               timestamptz NOT NULL DEFAULT now(),
    answer                 varchar(20),
    answered_at            timestamptz,
    answered_by_account_id bigint,
    CONSTRAINT agreement_check_ins_uk UNIQUE (agreement_id, municipality_id, due_on),
    CONSTRAINT agreement_check_ins_answer_ck CHECK (answer IN ('ALIVE', 'INACTIVE', 'KEPT')),
    CONSTRAINT agreement_check_ins_answered_ck CHECK ((answer IS NULL) = (answered_at IS NULL))
);
CREATE INDEX agreement_check_ins_agreement_idx ON agreement_check_ins (agreement_id, answered_at);

-- Public pages show activities and check-in answers (the agreement's timeline, profiles): their
-- changes advance the content version (V71) as every other table's do. Activities also change
-- what the register's "active in the last N years" filter and statistics count: they advance the
-- register's version (V39) for its caches.
CREATE CONSTRAINT TRIGGER a_content_changed AFTER INSERT OR UPDATE OR DELETE ON agreement_activities
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION content_changed();
CREATE TRIGGER a_content_truncated AFTER TRUNCATE ON agreement_activities
    FOR EACH STATEMENT EXECUTE FUNCTION content_changed();
CREATE CONSTRAINT TRIGGER a_content_changed AFTER INSERT OR UPDATE OR DELETE ON agreement_activity_themes
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION content_changed();
CREATE TRIGGER a_content_truncated AFTER TRUNCATE ON agreement_activity_themes
    FOR EACH STATEMENT EXECUTE FUNCTION content_changed();
CREATE CONSTRAINT TRIGGER a_content_changed AFTER INSERT OR UPDATE OR DELETE ON agreement_activity_case_studies
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION content_changed();
CREATE TRIGGER a_content_truncated AFTER TRUNCATE ON agreement_activity_case_studies
    FOR EACH STATEMENT EXECUTE FUNCTION content_changed();
CREATE CONSTRAINT TRIGGER a_content_changed AFTER INSERT OR UPDATE OR DELETE ON agreement_activity_documents
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION content_changed();
CREATE TRIGGER a_content_truncated AFTER TRUNCATE ON agreement_activity_documents
    FOR EACH STATEMENT EXECUTE FUNCTION content_changed();
CREATE CONSTRAINT TRIGGER a_content_changed AFTER INSERT OR UPDATE OR DELETE ON agreement_check_ins
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION content_changed();
CREATE TRIGGER a_content_truncated AFTER TRUNCATE ON agreement_check_ins
    FOR EACH STATEMENT EXECUTE FUNCTION content_changed();

CREATE CONSTRAINT TRIGGER agreement_activities_register_changed
    AFTER INSERT OR UPDATE OR DELETE ON agreement_activities
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION agreement_register_changed();
CREATE CONSTRAINT TRIGGER agreement_activity_themes_register_changed
    AFTER INSERT OR UPDATE OR DELETE ON agreement_activity_themes
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION agreement_register_changed();
