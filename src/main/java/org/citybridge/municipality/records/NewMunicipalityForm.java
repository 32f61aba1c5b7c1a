package org.citybridge.municipality.records;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.citybridge.municipality.MunicipalityKind;

/** What staff fill in to add a municipality that GeoNames lacks. */
class NewMunicipalityForm {

	@NotBlank(message = "{municipality.new.name.required}")
	@Size(max = 200, message = "{municipality.new.name.length}")
	private String name;

	@Size(max = 200, message = "{municipality.new.name.length}")
	private String nativeName;

	@NotBlank(message = "{municipality.new.country.required}")
	private String country;

	@NotNull(message = "{municipality.new.kind.required}")
	private MunicipalityKind kind;

	@Positive(message = "{municipality.new.population.invalid}")
	@Max(value = 100_000_000, message = "{municipality.new.population.invalid}")
	private Integer population;

	@DecimalMin(value = "-90", message = "{municipality.new.latitude.invalid}")
	@DecimalMax(value = "90", message = "{municipality.new.latitude.invalid}")
	@Digits(integer = 2, fraction = 5, message = "{municipality.new.latitude.invalid}")
	private BigDecimal latitude;

	@DecimalMin(value = "-180", message = "{municipality.new.longitude.invalid}")
	@DecimalMax(value = "180", message = "{municipality.new.longitude.invalid}")
	@Digits(integer = 3, fraction = 5, message = "{municipality.new.longitude.invalid}")
	private BigDecimal longitude;

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getNativeName() {
		return this.nativeName;
	}

	public void setNativeName(String nativeName) {
		this.nativeName = nativeName;
	}

	public String getCountry() {
		return this.country;
	}

	public void setCountry(String country) {
		this.country = country;
	}

	public MunicipalityKind getKind() {
		return this.kind;
	}

	public void setKind(MunicipalityKind kind) {
		this.kind = kind;
	}

	public Integer getPopulation() {
		return this.population;
	}

	public void setPopulation(Integer population) {
		this.population = population;
	}

	public BigDecimal getLatitude() {
		return this.latitude;
	}

	public void setLatitude(BigDecimal latitude) {
		this.latitude = latitude;
	}

	public BigDecimal getLongitude() {
		return this.longitude;
	}

	public void setLongitude(BigDecimal longitude) {
		this.longitude = longitude;
	}
}
