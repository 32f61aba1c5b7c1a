package org.citybridge.account;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.criteria.Expression;

import org.citybridge.system.Actor;

import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/**
 * The accounts. The queries are criteria queries, not JPQL strings: a {@code @Query} string,
 * or one derived from a method's name, is parsed at start-up by Spring Data's and Hibernate's grammars
 * (ANTLR, from a cold cache), which was about a quarter of the start-up's main thread
 * (docs/benchmarks.md, "Start-up", issue 21). The SQL is the same.
 */
public interface AccountRepository extends JpaRepository<Account, Long>, JpaSpecificationExecutor<Account> {

	/** {@code lower(email) = lower(?)}, as the unique index {@code accounts_email_uk} is built. */
	default Optional<Account> findByEmail(String email) {
		Specification<Account> sameAddress = (root, query, cb) -> cb.equal(cb.lower(root.<String>get("email")),
				cb.lower(cb.literal(email)));
		return findOne(sameAddress);
	}

	/**
	 * Accounts not deleted whose address or display name contains the text, whatever the case,
	 * by address; all of them for an empty text.
	 */
	default List<Account> search(String text) {
		if (text == null) {
			return List.of();
		}
		Specification<Account> matching = (root, query, cb) -> {
			if (text.isEmpty()) {
				return cb.isNull(root.get("deletedAt"));
			}
			Expression<String> pattern = cb.concat(cb.concat("%", cb.lower(cb.literal(text))), "%");
			return cb.and(cb.isNull(root.get("deletedAt")),
					cb.or(cb.like(cb.lower(root.<String>get("email")), pattern),
							cb.like(cb.lower(cb.coalesce(root.<String>get("displayName"), "")), pattern)));
		};
		return findAll(matching, Sort.by("email"));
	}

	default boolean existsByRole(Actor.Role role) {
		Specification<Account> withRole = (root, query, cb) -> cb.equal(root.get("role"), role);
		return exists(withRole);
	}
}
