/* casekit edit: what casekit adds to json-editor (loaded after it, before app.js).
 *
 * 1. Text stays exactly as typed. json-editor "purifies" every text value by parsing it
 *    as HTML and keeping the text (so "<b>" or "a <b" would silently change); casekit
 *    treats case text as data and escapes it wherever it is shown, so values are kept
 *    as they are and headers are set as plain text.
 * 2. Numbers read from the file are shown. With use_default_values off (so that the form
 *    never invents a value, such as 0 for a lab result), json-editor 2.17.2 empties a
 *    number field as it sets it (its getValue() clears the input while the previous
 *    value is still ''); the editor is given the number's text first.
 * 3. Every field stays in the form. When a value is set after the form is built (a
 *    restored draft, a reload from disk), json-editor removes the optional fields the
 *    value lacks, and only its "Properties" menu (a programmer's tool) brings them back;
 *    here a missing field is shown empty instead, as on the first build.
 * 4. Links between parts of a case, chosen from the ids the case holds.
 *    Two json-editor editors, picked by the form schema's "format" (see formschema.py):
 *   casekit-links  a list of ids (an event's linked items, a diagnosis's confirmation)
 *   casekit-link   one id (a revised diagnosis's replacement)
 * The choices come from window.casekitIds(), which app.js provides: every item of the
 * case that has an id, with a label saying what it is.
 */
'use strict';

(() => {
  const Base = window.JSONEditor.AbstractEditor;

  // 1. text as typed
  Base.prototype.purify = value => value;
  Base.prototype.cleanText = text => (text === undefined || text === null ? '' : String(text));

  // 3. every field stays
  const objectSetValue = window.JSONEditor.defaults.editors.object.prototype.setValue;
  window.JSONEditor.defaults.editors.object.prototype.setValue = function (value, initial) {
    const result = objectSetValue.call(this, value, initial);
    const missing = Object.keys(this.cached_editors || {}).filter(name => !this.editors[name]);
    for (const name of missing) {
      this.addObjectProperty(name);
      const child = this.editors[name];
      if (child) child.setValue(child.getDefault(), false);
    }
    if (missing.length) {
      this.refreshValue();
      this.layoutEditors();
      this.onChange();
    }
    return result;
  };

  // 2. numbers shown
  for (const name of ['number', 'integer']) {
    const editor = window.JSONEditor.defaults.editors[name];
    const setValue = editor.prototype.setValue;
    editor.prototype.setValue = function (value, initial, fromTemplate) {
      if (typeof value === 'number') {
        value = String(value);
        this.value = value;
      }
      return setValue.call(this, value, initial, fromTemplate);
    };
  }

  function choices () {
    return typeof window.casekitIds === 'function' ? window.casekitIds() : [];
  }

  function el (tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function fillPicker (select, placeholder, skip) {
    const current = select.value;
    select.textContent = '';
    select.appendChild(new Option(placeholder, ''));
    const groups = new Map();
    for (const choice of choices()) {
      if (skip.has(choice.id)) continue;
      if (!groups.has(choice.group)) {
        const group = el('optgroup');
        group.label = choice.group;
        groups.set(choice.group, group);
        select.appendChild(group);
      }
      groups.get(choice.group).appendChild(new Option(`${choice.id} — ${choice.label}`, choice.id));
    }
    select.value = current;
  }

  function labelOf (id) {
    const found = choices().find(choice => choice.id === id);
    return found ? `${found.group}: ${found.label}` : 'not found in this case';
  }

  class LinksEditor extends Base {
    build () {
      this.header = this.label = this.theme.getFormInputLabel(this.getTitle(), this.isRequired());
      if (this.schema.description) {
        this.description = this.theme.getFormInputDescription(this.translateProperty(this.schema.description));
      }
      this.chips = el('ul', 'ck-links');
      this.picker = el('select', 'ck-link-picker');
      this.picker.id = this.formname;
      this.picker.setAttribute('aria-label', `Add to ${this.getTitle()}`);
      const refresh = () => fillPicker(this.picker, 'Add a link…', new Set(this.value || []));
      this.picker.addEventListener('focus', refresh);
      this.picker.addEventListener('mousedown', refresh);
      this.picker.addEventListener('change', () => {
        const id = this.picker.value;
        if (!id) return;
        this.value = [...(this.value || []), id];
        this.picker.value = '';
        this.render();
        this.is_dirty = true;
        this.onChange(true);
      });
      const holder = el('div', 'ck-links-holder');
      holder.append(this.chips, this.picker);
      this.control = this.theme.getFormControl(this.label, holder, this.description);
      this.container.appendChild(this.control);
      refresh();
    }

    render () {
      this.chips.textContent = '';
      for (const id of this.value || []) {
        const item = el('li', 'ck-link');
        const name = el('span', 'ck-link-id', id);
        const what = el('span', 'ck-link-label', labelOf(id));
        if (what.textContent === 'not found in this case') item.classList.add('ck-link-missing');
        const remove = el('button', 'ck-link-remove', '×');
        remove.type = 'button';
        remove.title = `Remove the link to ${id}`;
        remove.setAttribute('aria-label', remove.title);
        remove.addEventListener('click', () => {
          this.value = (this.value || []).filter(other => other !== id);
          this.render();
          this.is_dirty = true;
          this.onChange(true);
        });
        item.append(name, what, remove);
        this.chips.appendChild(item);
      }
    }

    setValue (value) {
      const list = Array.isArray(value) ? value.filter(v => typeof v === 'string') : [];
      const changed = JSON.stringify(list) !== JSON.stringify(this.value || []);
      this.value = list;
      if (this.chips) this.render();
      this.onChange(changed);
    }

    getValue () {
      return this.value && this.value.length ? this.value.slice() : undefined;
    }

    getDefault () {
      return [];
    }

    getNumColumns () {
      return 12;
    }
  }

  class LinkEditor extends Base {
    build () {
      this.header = this.label = this.theme.getFormInputLabel(this.getTitle(), this.isRequired());
      if (this.schema.description) {
        this.description = this.theme.getFormInputDescription(this.translateProperty(this.schema.description));
      }
      this.input = el('select', 'ck-link-picker');
      this.input.id = this.formname;
      const refresh = () => {
        const current = this.value || '';
        fillPicker(this.input, '— none —', new Set());
        if (current && ![...this.input.options].some(o => o.value === current)) {
          this.input.appendChild(new Option(`${current} — not found in this case`, current));
        }
        this.input.value = current;
      };
      this.refreshChoices = refresh;
      this.input.addEventListener('focus', refresh);
      this.input.addEventListener('mousedown', refresh);
      this.input.addEventListener('change', () => {
        this.value = this.input.value || undefined;
        this.is_dirty = true;
        this.onChange(true);
      });
      this.control = this.theme.getFormControl(this.label, this.input, this.description);
      this.container.appendChild(this.control);
      refresh();
    }

    setValue (value) {
      const next = typeof value === 'string' && value ? value : undefined;
      const changed = next !== this.value;
      this.value = next;
      if (this.refreshChoices) this.refreshChoices();
      this.onChange(changed);
    }

    getValue () {
      return this.value;
    }

    getDefault () {
      return undefined;
    }
  }

  window.JSONEditor.defaults.editors.casekitLinks = LinksEditor;
  window.JSONEditor.defaults.editors.casekitLink = LinkEditor;
  window.JSONEditor.defaults.resolvers.unshift(schema => {
    if (schema.format === 'casekit-links') return 'casekitLinks';
    if (schema.format === 'casekit-link') return 'casekitLink';
    return undefined;
  });
})();
