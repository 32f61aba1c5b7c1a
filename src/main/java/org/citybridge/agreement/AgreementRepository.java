package org.citybridge.agreement;

import java.util.Optional;

import jakarta.persistence.criteria.JoinType;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/**
 * The agreements as entities (registering, editing). A criteria query, not one derived from a
 * method's name: those are JPQL strings parsed at start-up (docs/benchmarks.md, "Start-up", issue 21).
 */
public interface AgreementRepository extends JpaRepository<Agreement, Long>, JpaSpecificationExecutor<Agreement> {

	/** The agreement with its themes, in one statement. */
	default Optional<Agreement> findWithThemesById(Long id) {
		Specification<Agreement> withThemes = (root, query, cb) -> {
			root.fetch("themes", JoinType.LEFT);
			query.distinct(true);
			return cb.equal(root.get("id"), id);
		};
		return findAll(withThemes).stream().findFirst();
	}
}
