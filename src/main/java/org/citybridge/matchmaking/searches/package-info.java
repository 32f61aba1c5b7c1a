/**
 * Partner searches (issue 24): a municipality or an organisation looks for partners for a project
 * idea, perhaps for an instrument's call; officers of other municipalities express interest (one per
 * municipality, a unique constraint), the author's side accepts or declines, the accepted form the
 * consortium, checked against the instrument's group rules by the funding finder. The author's side
 * edits the search; a municipality withdraws its interest or leaves the group; the author's side is
 * told once when the search expires. The public list with filters, its Atom feed, a page per search,
 * and the searches that fit a municipality best.
 */
package org.citybridge.matchmaking.searches;
