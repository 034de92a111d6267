import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** The OpenAPI document at /api/v1/openapi.json and interactive docs at /docs. */
export function configureOpenApi(app: NestFastifyApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Child protection case management')
      .setDescription(
        'Abuse, injury and child-labour cases from the first report to closure (Law on Children 2016, Decree 56/2017), ' +
          'with privacy by construction and incidence rates per 100,000 children. Errors are application/problem+json.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'api/v1/openapi.json', raw: ['json'] });
}
