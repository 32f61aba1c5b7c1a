-- Municipalities: local governments, each in one country.
CREATE TABLE municipalities (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name              varchar(200) NOT NULL,
    native_name       varchar(200),
    native_script     varchar(4),
    geonames_name     varchar(200),
    alternate_names   text[]       NOT NULL DEFAULT '{}',
    country_code      varchar(2)   NOT NULL REFERENCES countries (code),
    division          varchar(200),
    kind              varchar(20)  NOT NULL,
    population        integer,
    area_km2          numeric(10, 2),
    latitude          numeric(8, 5),
    longitude         numeric(8, 5),
    website           varchar(500),
    working_languages text[]       NOT NULL DEFAULT '{}',
    seeking_partners  boolean      NOT NULL DEFAULT false,
    geonames_id       bigint,
    version           bigint       NOT NULL DEFAULT 0,
    created_at        timestamptz  NOT NULL DEFAULT now(),
    updated_at        timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT municipalities_name_ck CHECK (btrim(name) <> ''),
    CONSTRAINT municipalities_native_name_ck CHECK (native_name IS NULL OR btrim(native_name) <> ''),
    CONSTRAINT municipalities_native_script_ck CHECK (native_script ~ '^[A-Z][a-z]{3}$'),
    CONSTRAINT municipalities_kind_ck CHECK (kind IN ('CAPITAL', 'REGIONAL_CENTRE', 'TOWN', 'RURAL')),
    -- GeoNames gives 0 for unknown: store unknown as NULL, never as 0.
    CONSTRAINT municipalities_population_ck CHECK (population > 0),
    CONSTRAINT municipalities_area_ck CHECK (area_km2 > 0),
    CONSTRAINT municipalities_latitude_ck CHECK (latitude BETWEEN -90 AND 90),
    CONSTRAINT municipalities_longitude_ck CHECK (longitude BETWEEN -180 AND 180),
    CONSTRAINT municipalities_coordinates_ck CHECK ((latitude IS NULL) = (longitude IS NULL)),
    CONSTRAINT municipalities_website_ck CHECK (website ~ '^https?://[^\s]+$'),
    CONSTRAINT municipalities_languages_ck CHECK (array_to_string(working_languages, ',', '?') ~ '^([a-z]{2,3}(,[a-z]{2,3})*)?$'),
    CONSTRAINT municipalities_version_ck CHECK (version >= 0),
    CONSTRAINT municipalities_updated_ck CHECK (updated_at >= created_at)
);

CREATE UNIQUE INDEX municipalities_geonames_id_uk ON municipalities (geonames_id) WHERE geonames_id IS NOT NULL;
CREATE INDEX municipalities_country_idx ON municipalities (country_code);

CREATE TABLE municipality_offered_themes (
    municipality_id bigint      NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
    theme_code      varchar(40) NOT NULL REFERENCES themes (code),
    CONSTRAINT municipality_offered_themes_pk PRIMARY KEY (municipality_id, theme_code)
);

CREATE TABLE municipality_sought_themes (
    municipality_id bigint      NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
    theme_code      varchar(40) NOT NULL REFERENCES themes (code),
    CONSTRAINT municipality_sought_themes_pk PRIMARY KEY (municipality_id, theme_code)
);
CREATE INDEX municipality_offered_themes_theme_idx ON municipality_offered_themes (theme_code);
CREATE INDEX municipality_sought_themes_theme_idx ON municipality_sought_themes (theme_code);
