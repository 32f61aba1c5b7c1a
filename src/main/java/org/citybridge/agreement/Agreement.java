package org.citybridge.agreement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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

/**
 * One agreement between two or more municipalities. The parties are kept as a sorted key (the
 * database sorts it too and derives {@code agreement_parties} from it), so that the duplicate rule
 * holds whatever order they were given in.
 */
@Entity
@Table(name = "agreements")
public class Agreement {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Enumerated(EnumType.STRING)
	private AgreementType type;

	private String title;

	@Enumerated(EnumType.STRING)
	private AgreementStatus status;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(columnDefinition = "bigint[]")
	private List<Long> partyKey = new ArrayList<>();

	private LocalDate signedOn;

	private String signingPlace;

	private LocalDate endsOn;

	private Long eventId;

	private String fundingUsed;

	private String notes;

	@Enumerated(EnumType.STRING)
	private AgreementSource.Kind source = AgreementSource.Kind.MANUAL;

	private String sourceName;

	private String sourceAttribution;

	private String sourceUrl;

	private String sourceRecord;

	private Instant importedAt;

	private Instant verifiedAt;

	private Long verifiedByAccountId;

	private Long proposedByAccountId;

	private Long createdByAccountId;

	private Long updatedByAccountId;

	@ElementCollection
	@CollectionTable(name = "agreement_themes", joinColumns = @JoinColumn(name = "agreement_id"))
	@Column(name = "theme_code")
	private Set<String> themes = new LinkedHashSet<>();

	@Version
	private long version;

	private Instant createdAt;

	private Instant updatedAt;

	protected Agreement() {
	}

	public Agreement(AgreementType type, Collection<Long> parties, String title, AgreementStatus status, Long accountId) {
		this.type = type;
		this.status = status;
		this.title = title;
		this.partyKey = partyKey(parties);
		this.createdByAccountId = accountId;
		this.updatedByAccountId = accountId;
	}

	/** The parties sorted, as the database keeps them; repeats stay so that the database refuses them. */
	static List<Long> partyKey(Collection<Long> parties) {
		return parties.stream().sorted().toList();
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

	/** What kind of agreement it is: with the parties, what the duplicate rule compares. */
	public void retype(AgreementType type) {
		this.type = type;
	}

	/** Who is party to it, in any order; kept sorted, repeats left for the database to refuse. */
	public void changeParties(Collection<Long> parties) {
		this.partyKey = partyKey(parties);
	}

	public void rename(String title) {
		this.title = title;
	}

	/** Where the agreement stands (draft, signed, active, ended). */
	public void changeStatus(AgreementStatus status) {
		this.status = status;
	}

	/** When it was signed and when it ends; either may be unknown. */
	public void reschedule(LocalDate signedOn, LocalDate endsOn) {
		this.signedOn = signedOn;
		this.endsOn = endsOn;
	}

	/** Where it was signed: the place, and the event it was signed at, if any. */
	public void signedAt(String signingPlace, Long eventId) {
		this.signingPlace = signingPlace;
		this.eventId = eventId;
	}

	/** What it is about: its themes, the funding it used, and notes. */
	public void describe(Set<String> themes, String fundingUsed, String notes) {
		this.themes.clear();
		this.themes.addAll(themes);
		this.fundingUsed = fundingUsed;
		this.notes = notes;
	}

	/** The account that made the last change. */
	public void editedBy(Long accountId) {
		this.updatedByAccountId = accountId;
	}

	public void proposedBy(Long accountId) {
		this.proposedByAccountId = accountId;
	}

	/** Staff checked it; verifying twice keeps the first check. */
	public boolean verify(long accountId, Instant at) {
		if (this.verifiedAt != null) {
			return false;
		}
		this.verifiedAt = at;
		this.verifiedByAccountId = accountId;
		this.updatedByAccountId = accountId;
		return true;
	}

	/** An edit by someone who may not verify makes a verified record unverified again. */
	void unverify() {
		this.verifiedAt = null;
		this.verifiedByAccountId = null;
	}

	public Map<String, Object> auditView() {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("type", this.type);
		view.put("title", this.title);
		view.put("status", this.status);
		view.put("parties", this.partyKey);
		view.put("signedOn", this.signedOn);
		view.put("signingPlace", this.signingPlace);
		view.put("endsOn", this.endsOn);
		view.put("eventId", this.eventId);
		view.put("themes", List.copyOf(this.themes));
		view.put("fundingUsed", this.fundingUsed);
		view.put("notes", this.notes);
		view.put("verified", this.verifiedAt != null);
		return view;
	}

	public Long getId() {
		return this.id;
	}

	public AgreementType getType() {
		return this.type;
	}

	public String getTitle() {
		return this.title;
	}

	public AgreementStatus getStatus() {
		return this.status;
	}

	public List<Long> getPartyKey() {
		return List.copyOf(this.partyKey);
	}

	public LocalDate getSignedOn() {
		return this.signedOn;
	}

	public String getSigningPlace() {
		return this.signingPlace;
	}

	public LocalDate getEndsOn() {
		return this.endsOn;
	}

	public Long getEventId() {
		return this.eventId;
	}

	public String getFundingUsed() {
		return this.fundingUsed;
	}

	public String getNotes() {
		return this.notes;
	}

	AgreementSource.Kind getSource() {
		return this.source;
	}

	Instant getVerifiedAt() {
		return this.verifiedAt;
	}

	public boolean isVerified() {
		return this.verifiedAt != null;
	}

	Long getProposedByAccountId() {
		return this.proposedByAccountId;
	}

	public Set<String> getThemes() {
		return Set.copyOf(this.themes);
	}

	public long getVersion() {
		return this.version;
	}
}
