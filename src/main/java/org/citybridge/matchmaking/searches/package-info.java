/**
 * Partner searches (issue 24): a municipality or an organisation looks for partners for a project
 * idea, perhaps for an instrument's call; officers of other municipalities express interest (one per
 * municipality, a unique constraint), the author's side accepts or declines, the accepted form the
 * consortium, checked against the instrument's group rules by the funding finder. The public list
 * with filters, its Atom feed, a page per search, and the searches that fit a municipality best.
 */
package org.citybridge.matchmaking.searches;
