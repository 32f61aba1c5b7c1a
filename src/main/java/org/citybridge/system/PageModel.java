package org.citybridge.system;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.UndeclaredThrowableException;

import org.springframework.ui.Model;

/**
 * A page service's answer is a record whose components are what the template reads, by the same
 * names: a handler hands it over whole instead of copying it into the model part by part.
 */
public final class PageModel {

	private PageModel() {
	}

	/** Puts each component of {@code page} into the model under its own name ({@code null}s too). */
	public static void add(Model model, Record page) {
		for (RecordComponent component : page.getClass().getRecordComponents()) {
			try {
				var accessor = component.getAccessor();
				accessor.setAccessible(true);
				model.addAttribute(component.getName(), accessor.invoke(page));
			}
			catch (IllegalAccessException ex) {
				throw new IllegalStateException(ex);
			}
			catch (InvocationTargetException ex) {
				throw new UndeclaredThrowableException(ex.getCause());
			}
		}
	}
}
