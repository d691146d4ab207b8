// Lesson 4's words, English and Korean: the sign-up form and every message its one set of rules can give.
const en = {
  nameLabel: 'User name',
  emailLabel: 'Email',
  passwordLabel: 'Password (at least 8 characters)',
  signUp: 'Sign up',
  welcome: 'Welcome, {name}! Your account is ready.',
  needsScript: 'This lane needs JavaScript: with it turned off, this form cannot be sent.',
  notText: 'Send this field as text.',
  nameMissing: 'Choose a user name.',
  nameLength: 'Use {min} to {max} characters.',
  nameChars: 'Use letters, digits, ".", "_" and "-" only.',
  nameReserved: 'That name is reserved. Try another one.',
  nameTaken: 'Someone has already signed up with that name on this lane. Try another one.',
  nameMixed: 'Write the name in one alphabet: letters that only look alike (Latin a, Cyrillic а) cannot be mixed.',
  emailMissing: 'Enter your email address.',
  emailShape: 'That does not look like an email address (name@example.com).',
  passwordShort: 'Use at least {min} characters.',
  passwordLong: 'Use at most {max} characters.',
};

const ko: typeof en = {
  nameLabel: '사용자 이름',
  emailLabel: '이메일',
  passwordLabel: '비밀번호 (8자 이상)',
  signUp: '가입하기',
  welcome: '{name}님, 환영합니다! 계정이 만들어졌습니다.',
  needsScript: '이 레인은 JavaScript가 있어야 동작합니다. 꺼져 있으면 이 폼을 보낼 수 없습니다.',
  notText: '이 필드는 문자열로 보내 주세요.',
  nameMissing: '사용자 이름을 정해 주세요.',
  nameLength: '{min}자에서 {max}자 사이로 정해 주세요.',
  nameChars: '글자, 숫자, ".", "_", "-"만 쓸 수 있습니다.',
  nameReserved: '예약된 이름입니다. 다른 이름을 골라 주세요.',
  nameTaken: '이 레인에서 이미 누군가 이 이름으로 가입했습니다. 다른 이름을 골라 주세요.',
  nameMixed: '한 가지 문자로만 써 주세요. 라틴 문자 a와 키릴 문자 а처럼 모양만 비슷한 글자는 섞어 쓸 수 없습니다.',
  emailMissing: '이메일 주소를 입력해 주세요.',
  emailShape: '이메일 주소 형식이 아닙니다 (name@example.com).',
  passwordShort: '{min}자 이상으로 정해 주세요.',
  passwordLong: '{max}자 이하로 정해 주세요.',
};

export const words = { en, ko };
export type Words = typeof en;
