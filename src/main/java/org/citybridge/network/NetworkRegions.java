package org.citybridge.network;

import org.citybridge.system.DisplayNames;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.ibm.icu.util.Region;

import org.citybridge.country.Countries;
import org.citybridge.country.Country;

import org.springframework.stereotype.Component;

/**
 * Where a network works: a UN M.49 area (world, Europe, Eastern Asia …) or a single country, as
 * CLDR names them. ICU knows which area contains which country, so suggestions can ask whether a
 * municipality's country lies in a network's region.
 */
@Component
public class NetworkRegions {

	/** The areas offered before the countries, broadest first. */
	static final List<String> AREAS = List.of("001", "150", "151", "154", "039", "155", "142", "030", "143", "035",
			"034", "145", "002", "019", "009");

	/** A region to choose: its code and its name in the visitor's language. */
	public record Option(String code, String name) {
	}

	private final Countries countries;

	private volatile Set<String> countryCodes;

	NetworkRegions(Countries countries) {
		this.countries = countries;
	}

	public static String name(String code, Locale locale) {
		if (code == null) {
			return null;
		}
		String name = new Locale("", code).getDisplayCountry(locale);
		return name.isBlank() ? code : name;
	}

	List<Option> areas(Locale locale) {
		return AREAS.stream().map(code -> new Option(code, name(code, locale))).toList();
	}

	List<Option> countries(Locale locale) {
		List<Option> options = new ArrayList<>(countryCodes().stream().map(code -> new Option(code, name(code, locale))).toList());
		options.sort(Comparator.comparing(Option::name, DisplayNames.collation(locale)));
		return options;
	}

	boolean isKnown(String code) {
		return code != null && (AREAS.contains(code) || countryCodes().contains(code));
	}

	/** Whether a country lies in the region (a country's own code fits itself). */
	static boolean contains(String region, String countryCode) {
		if (region == null || countryCode == null) {
			return false;
		}
		if (region.equals(countryCode)) {
			return true;
		}
		try {
			return Region.getInstance(region).contains(Region.getInstance(countryCode));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private Set<String> countryCodes() {
		if (this.countryCodes == null) {
			this.countryCodes = Set.copyOf(this.countries.all().stream().map(Country::code).toList());
		}
		return this.countryCodes;
	}
}
