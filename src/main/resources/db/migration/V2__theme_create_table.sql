-- The fixed vocabulary of themes; names are translated in the message bundles (theme.<code>).
CREATE TABLE themes (
    code     varchar(40) PRIMARY KEY,
    position smallint    NOT NULL UNIQUE,
    CONSTRAINT themes_code_ck CHECK (code ~ '^[A-Z][A-Z_]*$')
);

INSERT INTO themes (code, position) VALUES
('URBAN_DEVELOPMENT', 1),
('RESILIENCE', 2),
('SMART_CITY', 3),
('MOBILITY', 4),
('WATER_SANITATION', 5),
('WASTE', 6),
('ENERGY_CLIMATE', 7),
('ENVIRONMENT', 8),
('LOCAL_ECONOMY', 9),
('TOURISM', 10),
('CULTURE_HERITAGE', 11),
('EDUCATION_YOUTH', 12),
('SOCIAL_SERVICES', 13),
('HEALTH', 14),
('DIGITAL_SERVICES', 15),
('PUBLIC_FINANCE', 16),
('GOVERNANCE', 17),
('AGRICULTURE_RURAL', 18);
