import { GraphQLError, GraphQLScalarType, valueFromASTUntyped } from '../graphql-runtime';
import { UploadedFile } from '../http/multipart';

export const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  serialize: (v) => v,
  parseValue: (v) => v,
  parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables),
});

const notAnUpload = () =>
  new GraphQLError('Upload values come from a multipart request (graphql-multipart-request-spec), not from the query text', {
    extensions: { code: 'BAD_USER_INPUT' },
  });

/** Only the http adapter makes UploadedFile values, so a client cannot pass a fake one inside JSON variables. */
export const UploadScalar = new GraphQLScalarType({
  name: 'Upload',
  serialize: () => {
    throw new GraphQLError('Upload is an input-only scalar');
  },
  parseValue: (v) => {
    if (!(v instanceof UploadedFile)) throw notAnUpload();
    return v;
  },
  parseLiteral: () => {
    throw notAnUpload();
  },
});
