package org.citybridge.agreement;

import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AgreementRepository extends JpaRepository<Agreement, Long> {

	@EntityGraph(attributePaths = { "themes" })
	Optional<Agreement> findWithThemesById(Long id);
}
