-- Staff's answers to ambiguous sides: this name in this country (as the list spells them) is this
-- municipality. Every later import uses them, so a run again gives the same result.
CREATE TABLE partnership_side_decisions (
    name            varchar(300) NOT NULL,
    country         varchar(200) NOT NULL,
    municipality_id bigint       NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
    decided_by      bigint,
    decided_at      timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT partnership_side_decisions_pk PRIMARY KEY (name, country)
);
