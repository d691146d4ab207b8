// The join page's words in English and Korean.
import type { Lang } from '../kit/i18n.js';

const en = {
  title: 'Join the workshop',
  scanOrType: 'Scan the code or type the address on your phone or laptop, on this network.',
  qrLabel: 'QR code for {url}',
  learnersOne: '{n} learner connected',
  learnersMany: '{n} learners connected',
  noRegistryTitle: 'Slow registry? Install from this laptop',
  noRegistry: 'The package this server runs, for a starter project of your own:',
  downloadLink: 'Download {file}',
};

export type JoinWords = typeof en;

const ko: JoinWords = {
  title: '워크숍 참여하기',
  scanOrType: '같은 네트워크에 있는 휴대폰이나 노트북에서 코드를 스캔하거나 주소를 입력하세요.',
  qrLabel: '{url} 주소의 QR 코드',
  learnersOne: '{n}명 접속 중',
  learnersMany: '{n}명 접속 중',
  noRegistryTitle: '레지스트리가 느리다면 이 노트북에서 설치하세요',
  noRegistry: '이 서버가 실행 중인 패키지로 나만의 스타터 프로젝트를 만듭니다:',
  downloadLink: '{file} 내려받기',
};

export const joinWords: Record<Lang, JoinWords> = { en, ko };
