/**
 * Published lump-sum tables (issue 24): staff enter, for a lump-sum instrument or one of its calls,
 * the lump sum by number of participants with its source; the instrument's page and the group check
 * show it as a table.
 */
package org.citybridge.funding.lumpsums;
