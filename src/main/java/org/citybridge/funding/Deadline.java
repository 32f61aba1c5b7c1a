package org.citybridge.funding;

/** A call's closing, with the instrument it belongs to: what the deadline lists and the feed show. */
public record Deadline(Call call, String instrumentSlug, String instrumentShortName, String instrumentName,
		boolean example) {
}
