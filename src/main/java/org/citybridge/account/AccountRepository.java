package org.citybridge.account;

import java.util.List;
import java.util.Optional;

import org.citybridge.system.Actor;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AccountRepository extends JpaRepository<Account, Long> {

	@Query("select a from Account a where lower(a.email) = lower(?1)")
	Optional<Account> findByEmail(String email);

	@Query("""
			select a from Account a where a.deletedAt is null and (?1 = '' or lower(a.email) like concat('%', lower(?1), '%')
			  or lower(coalesce(a.displayName, '')) like concat('%', lower(?1), '%')) order by a.email""")
	List<Account> search(String query);

	boolean existsByRole(Actor.Role role);
}
