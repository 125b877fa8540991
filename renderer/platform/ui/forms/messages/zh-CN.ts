/**
 * The forms module's own words (namespace `forms`): the generic rules a zod issue maps to, the sentence that names a
 * field and its rule, the discard question, and the restored-draft notice. Features keep their own rule texts under
 * `<feature>.errors`; these are what is left when a feature has none.
 */
const zhCN = {
  rules: {
    required: '必填',
    tooShort: '至少 {minimum} 个字符',
    tooLong: '最多 {maximum} 个字符',
    tooSmall: '不能小于 {minimum}',
    tooBig: '不能大于 {maximum}',
    tooFew: '至少 {minimum} 项',
    tooMany: '最多 {maximum} 项',
    format: '格式不正确',
    date: '日期格式不正确',
    choice: '请从列表中选择',
    multipleOf: '应为 {divisor} 的倍数',
    invalid: '内容不符合要求',
    /** Document text (shared/validation/document-text.ts): the refused character, then the rule. */
    chars: {
      name: '不能包含“{char}”：姓名只能由汉字（含生僻字）、间隔号“·”和英文字母组成',
      names: '不能包含“{char}”：曾用名只能由汉字（含生僻字）、间隔号“·”和英文字母组成，多个曾用名用“、”分隔',
      text: '不能包含“{char}”：只能填写汉字、英文字母、数字和常用标点（－ - （ ） # ， , 、 . / :）',
      address: '不能包含“{char}”：地址只能填写汉字、英文字母、数字和 － - （ ） # ， , 、 . / : 等标点',
    },
  },
  /** Between several fields' problems in one toast. */
  separator: '；',
  listSeparator: '、',
  errors: {
    denied: '当前账号无权办理此项',
    failed: '操作失败：{message}',
  },
  discard: {
    title: '放弃修改？',
    message: '表单中有尚未保存的内容，确定要放弃吗？',
    confirm: '放弃',
    keep: '继续编辑',
  },
  draft: {
    restored: '已恢复上次未保存的草稿',
    keep: '保留',
    discard: '丢弃草稿',
  },
};

export default zhCN;
export type FormsMessages = typeof zhCN;
