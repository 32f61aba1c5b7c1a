package org.citybridge.municipality;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A local government in one country. */
@Entity
@Table(name = "municipalities")
public class Municipality {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	private String nativeName;

	private String nativeScript;

	private String geonamesName;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(columnDefinition = "text[]")
	private List<String> alternateNames = new ArrayList<>();

	private String countryCode;

	private String division;

	@Enumerated(EnumType.STRING)
	private MunicipalityKind kind;

	private Integer population;

	@Column(name = "area_km2")
	private BigDecimal areaKm2;

	private BigDecimal latitude;

	private BigDecimal longitude;

	private String website;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(columnDefinition = "text[]")
	private List<String> workingLanguages = new ArrayList<>();

	private boolean seekingPartners;

	private Long geonamesId;

	private String featureCode;

	private String admin1Code;

	private Long districtOf;

	@ElementCollection
	@CollectionTable(name = "municipality_offered_themes", joinColumns = @JoinColumn(name = "municipality_id"))
	@Column(name = "theme_code")
	private Set<String> offeredThemes = new LinkedHashSet<>();

	@ElementCollection
	@CollectionTable(name = "municipality_sought_themes", joinColumns = @JoinColumn(name = "municipality_id"))
	@Column(name = "theme_code")
	private Set<String> soughtThemes = new LinkedHashSet<>();

	private String contactName;

	private String contactEmail;

	private boolean contactPublic;

	@Version
	private long version;

	private Instant createdAt;

	private Instant updatedAt;

	protected Municipality() {
	}

	Municipality(String name, String countryCode, MunicipalityKind kind) {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("A municipality needs a name");
		}
		this.name = name.strip();
		this.countryCode = countryCode;
		this.kind = kind;
	}

	@PrePersist
	void created() {
		this.createdAt = Instant.now();
		this.updatedAt = this.createdAt;
	}

	@PreUpdate
	void updated() {
		this.updatedAt = Instant.now();
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public String getNativeName() {
		return this.nativeName;
	}

	public String getNativeScript() {
		return this.nativeScript;
	}

	public String getGeonamesName() {
		return this.geonamesName;
	}

	public List<String> getAlternateNames() {
		return this.alternateNames;
	}

	public String getCountryCode() {
		return this.countryCode;
	}

	public String getDivision() {
		return this.division;
	}

	public MunicipalityKind getKind() {
		return this.kind;
	}

	public Integer getPopulation() {
		return this.population;
	}

	public BigDecimal getAreaKm2() {
		return this.areaKm2;
	}

	public BigDecimal getLatitude() {
		return this.latitude;
	}

	public BigDecimal getLongitude() {
		return this.longitude;
	}

	public String getWebsite() {
		return this.website;
	}

	public List<String> getWorkingLanguages() {
		return this.workingLanguages;
	}

	public boolean isSeekingPartners() {
		return this.seekingPartners;
	}

	public Long getGeonamesId() {
		return this.geonamesId;
	}

	public String getFeatureCode() {
		return this.featureCode;
	}

	public String getAdmin1Code() {
		return this.admin1Code;
	}

	public Long getDistrictOf() {
		return this.districtOf;
	}

	public Set<String> getOfferedThemes() {
		return this.offeredThemes;
	}

	public Set<String> getSoughtThemes() {
		return this.soughtThemes;
	}

	public long getVersion() {
		return this.version;
	}

	/** An officer's or staff member's edit of what the municipality says about itself. */
	public void editProfile(Set<String> offered, Set<String> sought, boolean seeking, String website, List<String> languages,
			String contactName, String contactEmail, boolean contactPublic) {
		this.offeredThemes.clear();
		this.offeredThemes.addAll(offered);
		this.soughtThemes.clear();
		this.soughtThemes.addAll(sought);
		this.seekingPartners = seeking;
		this.website = website;
		this.workingLanguages = new ArrayList<>(languages);
		this.contactName = contactName;
		this.contactEmail = contactEmail;
		// Consent needs someone to consent: no name, nothing to show.
		this.contactPublic = contactPublic && contactName != null;
	}

	/** The editable fields, as the audit log compares them. */
	public java.util.Map<String, Object> auditView() {
		java.util.Map<String, Object> view = new java.util.LinkedHashMap<>();
		view.put("offeredThemes", List.copyOf(this.offeredThemes));
		view.put("soughtThemes", List.copyOf(this.soughtThemes));
		view.put("seekingPartners", this.seekingPartners);
		view.put("website", this.website);
		view.put("workingLanguages", List.copyOf(this.workingLanguages));
		view.put("contactName", this.contactName);
		view.put("contactEmail", this.contactEmail);
		view.put("contactPublic", this.contactPublic);
		return view;
	}

	public String getContactName() {
		return this.contactName;
	}

	public String getContactEmail() {
		return this.contactEmail;
	}

	public boolean isContactPublic() {
		return this.contactPublic;
	}

	void setPopulation(Integer population) {
		// GeoNames writes 0 for "unknown"; the portal shows unknown, never a wrong figure.
		this.population = (population == null || population <= 0) ? null : population;
	}
}
