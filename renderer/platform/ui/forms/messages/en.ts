import type { FormsMessages } from './zh-CN';

/** English: typed as the Chinese, so a missing or extra key is a type error. */
const en: FormsMessages = {
  rules: {
    required: 'Required',
    tooShort: 'At least {minimum} characters',
    tooLong: 'At most {maximum} characters',
    tooSmall: 'Must be at least {minimum}',
    tooBig: 'Must be at most {maximum}',
    tooFew: 'Choose at least {minimum}',
    tooMany: 'Choose at most {maximum}',
    format: 'Invalid format',
    date: 'Invalid date',
    choice: 'Choose one of the options',
    multipleOf: 'Must be a multiple of {divisor}',
    invalid: 'Not a valid value',
    chars: {
      name: 'Cannot contain “{char}”: a name may contain only Chinese characters (rare ones too), the middle dot “·” and Latin letters',
      names: 'Cannot contain “{char}”: former names may contain only Chinese characters (rare ones too), the middle dot “·” and Latin letters, several names separated by commas',
      text: 'Cannot contain “{char}”: only Chinese characters, Latin letters, digits, spaces and the punctuation - ( ) # , . / : (half- or full-width)',
      address: 'Cannot contain “{char}”: an address may contain only Chinese characters, Latin letters, digits, spaces and the punctuation - ( ) # , . / : (half- or full-width)',
    },
  },
  separator: '; ',
  listSeparator: ', ',
  errors: {
    denied: 'Your account may not do this',
    failed: 'The action failed: {message}',
  },
  discard: {
    title: 'Discard changes?',
    message: 'The form has unsaved changes. Discard them?',
    confirm: 'Discard',
    keep: 'Keep editing',
  },
  draft: {
    restored: 'Your earlier unsaved draft was restored',
    keep: 'Keep',
    discard: 'Discard draft',
  },
};

export default en;
