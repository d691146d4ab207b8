// Lesson 5's words in English and Korean: the search box, the result lines, and the two ways a query is refused.
export const words = {
  en: {
    searchLabel: 'Search countries',
    searchPlaceholder: 'kor, an, 대한…',
    searching: 'Searching…',
    searchHint: 'Type part of a country’s name, in English or Korean.',
    searchCount: '{n} matches',
    searchCountOne: '1 match',
    searchNone: 'No country matches “{q}”.',
    searchMore: '…and {n} more: keep typing to narrow the list.',
    searchDataset: '{n} countries, each with its English and Korean name. Type in either lane: “kor”, “an”, “cote”, “대한”…',
    queryRepeated: 'Send one search text (q), not several.',
    queryTooLong: 'The search text is longer than {n} characters.',
  },
  ko: {
    searchLabel: '나라 검색',
    searchPlaceholder: '대한, kor, an…',
    searching: '검색 중…',
    searchHint: '나라 이름의 일부를 영어나 한국어로 입력하세요.',
    searchCount: '검색 결과 {n}개',
    searchCountOne: '검색 결과 1개',
    searchNone: '“{q}”에 맞는 나라가 없습니다.',
    searchMore: '…외 {n}개가 더 있습니다. 더 입력해서 좁혀 보세요.',
    searchDataset: '나라 {n}개를 영어 이름과 한국어 이름으로 찾을 수 있습니다. 두 레인 어디에든 입력해 보세요: “대한”, “kor”, “an”, “cote”…',
    queryRepeated: '검색어(q)는 하나만 보내야 합니다.',
    queryTooLong: '검색어가 {n}자보다 깁니다.',
  },
};
