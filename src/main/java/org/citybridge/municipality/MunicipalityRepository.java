package org.citybridge.municipality;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

public interface MunicipalityRepository extends JpaRepository<Municipality, Long> {

	@EntityGraph(attributePaths = { "offeredThemes", "soughtThemes" })
	Optional<Municipality> findWithThemesById(Long id);
}
