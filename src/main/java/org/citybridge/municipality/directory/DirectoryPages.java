package org.citybridge.municipality.directory;

import org.citybridge.municipality.DirectoryParams;
import org.citybridge.municipality.DirectoryQuery;
import org.citybridge.municipality.MunicipalitySearch;

import org.springframework.stereotype.Service;

/** The directory page's one call: the visitor's query checked, and its page of results. */
@Service
public class DirectoryPages {

	private final MunicipalitySearch search;

	DirectoryPages(MunicipalitySearch search) {
		this.search = search;
	}

	/** Checks what the visitor sent and runs the search; never fails on bad input. */
	public Directory directory(DirectoryParams params) {
		DirectoryQuery query = this.search.query(params);
		return new Directory(query, this.search.search(query));
	}
}
