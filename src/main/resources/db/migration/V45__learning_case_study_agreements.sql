-- The agreements a case study tells about. A link goes with either side: deleting the case study or
-- the agreement removes it. Links name the agreement by id, so a merge of municipalities (which
-- rewrites the agreement's parties, not its id) leaves them as they are.
CREATE TABLE case_study_agreements (
    case_study_id bigint NOT NULL REFERENCES case_studies (id) ON DELETE CASCADE,
    agreement_id  bigint NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
    CONSTRAINT case_study_agreements_pk PRIMARY KEY (case_study_id, agreement_id)
);
CREATE INDEX case_study_agreements_agreement_idx ON case_study_agreements (agreement_id);
