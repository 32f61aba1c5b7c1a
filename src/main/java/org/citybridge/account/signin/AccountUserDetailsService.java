package org.citybridge.account.signin;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.citybridge.account.AccountRepository;

/** Spring Security's user lookup: accounts by e-mail address, erased ones never. */
@Service
class AccountUserDetailsService implements UserDetailsService {

	private final AccountRepository accounts;

	AccountUserDetailsService(AccountRepository accounts) {
		this.accounts = accounts;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		return this.accounts.findByEmail(username == null ? "" : username.strip())
			.filter(account -> !account.isErased() && account.getPasswordHash() != null)
			.map(AccountPrincipal::new)
			.orElseThrow(() -> new UsernameNotFoundException("No such account"));
	}
}
