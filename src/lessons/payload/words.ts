// Lesson 3's words, English and Korean: the form's labels and what the server says about a bad comment.
const en = {
  authorLabel: 'Your name',
  textLabel: 'Comment',
  tagsLabel: 'Tags',
  tag_question: 'Question',
  tag_idea: 'Idea',
  tag_bug: 'Bug',
  tag_praise: 'Praise',
  postComment: 'Post comment',
  receivedTitle: 'What the server received',
  receivedNothing: 'Nothing yet: post a comment.',
  commentsTitle: 'Comments',
  noComments: 'No comments yet.',
  unknownThread: 'This comment is for a thread that does not exist (thread must be the number {thread}).',
  notText: 'The field "{field}" must be text.',
  nameMissing: 'Write your name.',
  nameTooLong: 'Your name is longer than {max} characters.',
  textMissing: 'Write a comment.',
  textTooLong: 'The comment is longer than {max} characters.',
  tagsNotList: 'Tags must be a list of tag names.',
  unknownTag: 'There is no tag called "{tag}".',
};

const ko: typeof en = {
  authorLabel: '이름',
  textLabel: '댓글',
  tagsLabel: '태그',
  tag_question: '질문',
  tag_idea: '아이디어',
  tag_bug: '버그',
  tag_praise: '칭찬',
  postComment: '댓글 달기',
  receivedTitle: '서버가 받은 값',
  receivedNothing: '아직 없습니다. 댓글을 달아 보세요.',
  commentsTitle: '댓글',
  noComments: '아직 댓글이 없습니다.',
  unknownThread: '없는 스레드에 단 댓글입니다 (thread는 숫자 {thread}이어야 합니다).',
  notText: '"{field}" 필드는 문자열이어야 합니다.',
  nameMissing: '이름을 적어 주세요.',
  nameTooLong: '이름이 {max}자보다 깁니다.',
  textMissing: '댓글을 적어 주세요.',
  textTooLong: '댓글이 {max}자보다 깁니다.',
  tagsNotList: '태그는 태그 이름의 목록이어야 합니다.',
  unknownTag: '"{tag}"라는 태그는 없습니다.',
};

export const words = { en, ko };
export type Words = typeof en;
