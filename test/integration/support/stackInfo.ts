export interface StackInfo {
  apiUrl: string;
  cognitoEndpoint: string;
  dynamoEndpoint: string;
  tableName: string;
  userPoolId: string;
  apiClientId: string;
  hostedClientId: string;
  admin: { email: string; password: string };
}

declare module 'vitest' {
  export interface ProvidedContext {
    stack: StackInfo;
  }
}
