// Small enhancements; every page works without them.
// A long checkbox list (countries, networks) gets a field that narrows it as one types; ticked boxes stay.
document.querySelectorAll('input[data-narrows]').forEach(function (field) {
	var list = document.getElementById(field.getAttribute('data-narrows'));
	if (!list) {
		return;
	}
	field.parentElement.hidden = false;
	field.addEventListener('input', function () {
		var wanted = field.value.trim().toLocaleLowerCase();
		list.querySelectorAll('label').forEach(function (label) {
			var box = label.querySelector('input');
			label.hidden = wanted !== '' && !(box && box.checked) && label.textContent.toLocaleLowerCase().indexOf(wanted) < 0;
		});
	});
});
