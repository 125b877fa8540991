import ts from 'typescript';

/** Han characters (CJK unified ideographs, extension A, compatibility ideographs). */
export const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

/** A piece of Chinese in code (not in a comment): where it is and which top-level declaration holds it. */
export interface ChineseInCode {
  line: number;
  /** The top-level declaration's name (`statusNamesZh`, `decide`), or `(top level)`. */
  declaration: string;
  text: string;
}

function declarationName(statement: ts.Statement): string {
  if (ts.isVariableStatement(statement)) return statement.declarationList.declarations.map((d) => d.name.getText()).join(',');
  if (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement) || ts.isEnumDeclaration(statement)) {
    return statement.name?.getText() ?? '(anonymous)';
  }
  return '(top level)';
}

const carriesText = (node: ts.Node): boolean =>
  ts.isStringLiteral(node) ||
  ts.isNoSubstitutionTemplateLiteral(node) ||
  ts.isTemplateHead(node) ||
  ts.isTemplateMiddle(node) ||
  ts.isTemplateTail(node) ||
  ts.isRegularExpressionLiteral(node) ||
  ts.isIdentifier(node) ||
  ts.isPrivateIdentifier(node);

/** Every string, template, regular expression or name with Chinese in it; comments are not code and are skipped. */
export function chineseInCode(fileName: string, source: string): ChineseInCode[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const found: ChineseInCode[] = [];
  for (const statement of file.statements) {
    const declaration = declarationName(statement);
    const visit = (node: ts.Node): void => {
      if (carriesText(node) && HAN.test(node.getText(file))) {
        found.push({ line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1, declaration, text: node.getText(file) });
      }
      node.forEachChild(visit);
    };
    visit(statement);
  }
  return found;
}
