package org.citybridge.municipality.directory;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.citybridge.municipality.DirectoryOptions;
import org.citybridge.municipality.DirectoryParams;
import org.citybridge.municipality.DirectoryQuery;
import org.citybridge.municipality.MunicipalitySearch;
import org.citybridge.municipality.ProfileSection;
import org.citybridge.municipality.profile.MunicipalityProfile;
import org.citybridge.municipality.profile.MunicipalityProfiles;
import org.citybridge.municipality.records.MunicipalityUpkeep;
import org.citybridge.system.Actor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The directory's pages, each from one call: the list (the visitor's query checked, its page of
 * results and the filters' choices) and a municipality's profile page (its location map, what the
 * viewer may do, and the sections other features add).
 */
@Service
public record DirectoryPages(MunicipalitySearch search,
		DirectoryOptions options,
		LocationMaps maps,
		MunicipalityProfiles profiles,
		MunicipalityUpkeep upkeep,
		ObjectProvider<ProfileSection> sections) {

	/** The directory page: the search and the filters' choices, as option elements. */
	public record DirectoryPage(Directory directory, String countryOptions, String offersOptions,
			String seeksOptions, String networkOptions) {
	}

	/** A profile's page: the profile, its map ({@code null} without coordinates), what the viewer may do, the sections. */
	public record ProfilePage(MunicipalityProfile municipality, LocationMaps.LocationMap map, boolean mayEdit,
			boolean mayKeepRecords, List<ProfileSection.Rendered> sections) {
	}

	/** Checks what the visitor sent and runs the search; never fails on bad input. */
	public Directory directory(DirectoryParams params) {
		DirectoryQuery query = this.search.query(params);
		return new Directory(query, this.search.search(query));
	}

	/** The directory page for what the visitor sent, the filters' choices in the visitor's language. */
	public DirectoryPage list(DirectoryParams params, Locale locale) {
		Directory directory = directory(params);
		DirectoryQuery query = directory.query();
		return new DirectoryPage(directory, this.options.countryChecksHtml(locale, query.countries()),
				this.options.themeChecksHtml(locale, "offers", query.offers()),
				this.options.themeChecksHtml(locale, "seeks", query.seeks()), this.options.networkChecksHtml(query.networks()));
	}

	/** A municipality's profile page, as the actor sees it. */
	public ProfilePage profile(long id, Actor actor) {
		MunicipalityProfile profile = this.profiles.profile(id);
		return new ProfilePage(profile, this.maps.of(profile), this.profiles.mayEdit(actor, id),
				this.upkeep.mayKeep(actor, id),
				this.sections.stream()
					.sorted(Comparator.comparingInt(ProfileSection::order))
					.map(section -> section.render(id))
					.filter(Objects::nonNull)
					.toList());
	}
}
