/**
 * Learning for local officials: training programmes that staff publish and officers enrol in
 * (seats never oversold, a waiting list, completion, each officer's history), and case studies that
 * cities share, approved by staff before publication and searchable in their own language; a case
 * study links the agreements it tells about, and each agreement's page lists the published ones.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "notice", "agreement", "network", "municipality", "audit", "country", "theme", "system", "system :: files" })
package org.citybridge.learning;
