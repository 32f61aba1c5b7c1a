-- Accessibility barriers reported by visitors through the accessibility statement.
CREATE TABLE barrier_reports (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    page        varchar(500),
    description varchar(5000) NOT NULL,
    email       varchar(254),
    language    varchar(8)    NOT NULL,
    created_at  timestamptz   NOT NULL DEFAULT now(),
    resolved_at timestamptz,
    CONSTRAINT barrier_reports_description_ck CHECK (char_length(btrim(description)) >= 10),
    CONSTRAINT barrier_reports_email_ck CHECK (email ~ '^[^@\s]+@[^@\s]+$'),
    CONSTRAINT barrier_reports_resolved_ck CHECK (resolved_at IS NULL OR resolved_at >= created_at)
);
