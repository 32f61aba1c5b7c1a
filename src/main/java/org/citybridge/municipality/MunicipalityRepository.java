package org.citybridge.municipality;

import java.util.Optional;

import jakarta.persistence.criteria.JoinType;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/**
 * The municipalities as entities (profiles, their edits). A criteria query, not one derived from a
 * method's name: those are JPQL strings parsed at start-up (docs/benchmarks.md, "Start-up", issue 21).
 */
public interface MunicipalityRepository extends JpaRepository<Municipality, Long>, JpaSpecificationExecutor<Municipality> {

	/** The municipality with the themes it offers and seeks, in one statement. */
	default Optional<Municipality> findWithThemesById(Long id) {
		Specification<Municipality> withThemes = (root, query, cb) -> {
			root.fetch("offeredThemes", JoinType.LEFT);
			root.fetch("soughtThemes", JoinType.LEFT);
			query.distinct(true);
			return cb.equal(root.get("id"), id);
		};
		return findAll(withThemes).stream().findFirst();
	}
}
